export { AuthModule } from './auth.module';
export { Authenticator } from './authenticator.service';
export { UsersService } from './users.service';
