import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { APP_CONFIG, type AppConfig } from '../config';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator.service';
import { HttpThrottlerGuard } from './http-throttler.guard';
import { ApiKeyEntity } from './entities/api-key.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { isLoginRoute } from './login-throttle';
import { SessionsService } from './sessions.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Global so every module's controllers are guarded and can read the caller; guards run throttling first. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, SessionEntity, ApiKeyEntity]),
    JwtModule.register({}),
    AuditModule,
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [
          { name: 'default', ttl: 60_000, limit: config.security.rate_limit_per_minute },
          { name: 'login', ttl: 60_000, limit: config.security.login_rate_limit_per_minute, skipIf: (ctx) => !isLoginRoute(ctx) },
        ],
      }),
    }),
  ],
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [
    UsersService,
    SessionsService,
    ApiKeysService,
    Authenticator,
    { provide: APP_GUARD, useClass: HttpThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [Authenticator, UsersService, AuditModule],
})
export class AuthModule {}
