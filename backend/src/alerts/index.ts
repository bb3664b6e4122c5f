export { alertMessage, operandMessage, operandText } from './alert-message';
export { AlertsModule } from './alerts.module';
export { AlertsService, toAlertDto, type NewAlert } from './alerts.service';
