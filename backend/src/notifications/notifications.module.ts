import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts';
import { AuthModule } from '../auth';
import { DispatcherService } from './dispatcher.service';
import { NotificationAttemptEntity } from './entities/notification-attempt.entity';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxService } from './outbox.service';

@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, NotificationAttemptEntity]), AlertsModule, AuthModule],
  controllers: [NotificationsController],
  providers: [OutboxService, DispatcherService, NotificationsService],
  exports: [OutboxService, DispatcherService],
})
export class NotificationsModule {}
