export { ActionLinksService } from './action-links/action-links.service';
export { webhookSignature } from './channels/webhook-sender';
export { DispatcherService } from './dispatcher.service';
export { NotificationsModule } from './notifications.module';
export { viaOutbox } from './outbox-row';
export { OutboxService, type AlertRoute } from './outbox.service';
export { PreferencesService } from './preferences/preferences.service';
export { SystemEventsService } from './system/system-events.service';
export { SystemWatchService } from './system/system-watch.service';
