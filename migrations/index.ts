import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { SeedInstruments1763800000001 } from './1763800000001-seed-instruments';
import { Accounts1763900000000 } from './1763900000000-accounts';
import { RuleHistory1764000000000 } from './1764000000000-rule-history';
import { RuleOptions1764100000000 } from './1764100000000-rule-options';
import { RuleTemplates1764200000000 } from './1764200000000-rule-templates';
import { Notifications1764300000000 } from './1764300000000-notifications';
import { UserEmail1764400000000 } from './1764400000000-user-email';
import { UserPhone1764500000000 } from './1764500000000-user-phone';
import { Inbox1764600000000 } from './1764600000000-inbox';
import { NotificationPreferences1764700000000 } from './1764700000000-notification-preferences';
import { InboxEscalation1764800000000 } from './1764800000000-inbox-escalation';
import { InstrumentTimezone1764900000000 } from './1764900000000-instrument-timezone';
import { RuleRearmState1764900000001 } from './1764900000001-rule-rearm-state';
import { NotificationRouting1765000000000 } from './1765000000000-notification-routing';

/** Every migration, in order. Listed explicitly so source and compiled runs see the same set. */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  SeedInstruments1763800000001,
  Accounts1763900000000,
  RuleHistory1764000000000,
  RuleOptions1764100000000,
  RuleTemplates1764200000000,
  Notifications1764300000000,
  UserEmail1764400000000,
  UserPhone1764500000000,
  Inbox1764600000000,
  NotificationPreferences1764700000000,
  InboxEscalation1764800000000,
  InstrumentTimezone1764900000000,
  RuleRearmState1764900000001,
  NotificationRouting1765000000000,
];
