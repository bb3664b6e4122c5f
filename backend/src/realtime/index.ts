export { configureRealtime, type UpgradeAuthorizer } from './configure';
export { RealtimeModule } from './realtime.module';
export { RealtimeService, type PublishScope } from './realtime.service';
