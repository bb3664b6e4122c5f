export { AuditModule } from './audit.module';
export { AuditService, type AuditEvent } from './audit.service';
