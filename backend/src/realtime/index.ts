export { configureRealtime } from './configure';
export { RealtimeModule } from './realtime.module';
export { RealtimeService } from './realtime.service';
