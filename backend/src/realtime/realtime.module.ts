import { Module } from '@nestjs/common';
import { ConnectionRegistry } from './connection-registry';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeService } from './realtime.service';

/** The /ws/realtime socket; needs configureRealtime(app, authorize) during app setup. */
@Module({
  providers: [ConnectionRegistry, RealtimeService, RealtimeGateway],
  exports: [RealtimeService],
})
export class RealtimeModule {}
