export { webhookSignature } from './channels/webhook-sender';
export { DispatcherService } from './dispatcher.service';
export { NotificationsModule } from './notifications.module';
export { OutboxService, type AlertRoute } from './outbox.service';
export { PreferencesService } from './preferences/preferences.service';
