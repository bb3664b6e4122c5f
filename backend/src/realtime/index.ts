export { configureRealtime, type UpgradeAuthorizer } from './configure';
export { RealtimeModule } from './realtime.module';
export { RealtimeService } from './realtime.service';
