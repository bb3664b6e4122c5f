import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts';
import { AuthModule } from '../auth';
import { DispatcherService } from './dispatcher.service';
import { EscalationService } from './escalation.service';
import { NotificationAttemptEntity } from './entities/notification-attempt.entity';
import { InboxEntity } from './entities/inbox.entity';
import { NotificationEntity } from './entities/notification.entity';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { PreferenceEntity } from './preferences/preference.entity';
import { PreferencesController } from './preferences/preferences.controller';
import { PreferencesService } from './preferences/preferences.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxService } from './outbox.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([NotificationEntity, NotificationAttemptEntity, InboxEntity, PreferenceEntity]),
    AlertsModule,
    AuthModule,
  ],
  controllers: [NotificationsController, InboxController, PreferencesController],
  providers: [OutboxService, DispatcherService, NotificationsService, InboxService, PreferencesService, EscalationService],
  exports: [OutboxService, DispatcherService, PreferencesService],
})
export class NotificationsModule {}
