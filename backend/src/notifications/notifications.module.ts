import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts';
import { AuthModule } from '../auth';
import { MarketModule } from '../market';
import { ActionLinksController } from './action-links/action-links.controller';
import { ActionLinksService } from './action-links/action-links.service';
import { ChannelSettingsController } from './channel-settings/channel-settings.controller';
import { ChannelSettingsService } from './channel-settings/channel-settings.service';
import { DispatcherService } from './dispatcher.service';
import { EscalationService } from './escalation.service';
import { ChannelSettingsEntity } from './entities/channel-settings.entity';
import { InboxEntity } from './entities/inbox.entity';
import { NotificationAttemptEntity } from './entities/notification-attempt.entity';
import { NotificationEntity } from './entities/notification.entity';
import { SystemEventEntity } from './entities/system-event.entity';
import { InboxController } from './inbox/inbox.controller';
import { InboxService } from './inbox/inbox.service';
import { MessageComposer } from './message/message-composer';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxService } from './outbox.service';
import { PreferenceEntity } from './preferences/preference.entity';
import { PreferencesController } from './preferences/preferences.controller';
import { PreferencesService } from './preferences/preferences.service';
import { SystemEventsService } from './system/system-events.service';
import { SystemWatchService } from './system/system-watch.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      NotificationEntity,
      NotificationAttemptEntity,
      InboxEntity,
      PreferenceEntity,
      ChannelSettingsEntity,
      SystemEventEntity,
    ]),
    AlertsModule,
    AuthModule,
    MarketModule,
  ],
  controllers: [NotificationsController, ChannelSettingsController, InboxController, PreferencesController, ActionLinksController],
  providers: [
    OutboxService,
    DispatcherService,
    NotificationsService,
    InboxService,
    PreferencesService,
    EscalationService,
    ChannelSettingsService,
    MessageComposer,
    ActionLinksService,
    SystemEventsService,
    SystemWatchService,
  ],
  exports: [OutboxService, DispatcherService, PreferencesService, SystemEventsService, SystemWatchService],
})
export class NotificationsModule {}
