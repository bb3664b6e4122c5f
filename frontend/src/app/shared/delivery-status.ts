import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type NotificationStatus } from '@tradeassist/shared-types';

export const CHANNEL_LABELS: Readonly<Record<NotificationChannel, string>> = {
  in_app: 'In app',
  sound: 'Sound',
  slack: 'Slack',
  email: 'E-mail',
  webhook: 'Webhook',
  discord: 'Discord',
  telegram: 'Telegram',
  sms: 'SMS',
};

/** Channels the outbox delivers (in_app and sound never go through it). */
export const OUTBOX_CHANNELS: readonly NotificationChannel[] = NOTIFICATION_CHANNELS.filter((c) => c !== 'in_app' && c !== 'sound');

/** A channel's label; metrics may name a channel this console does not know yet. */
export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel as NotificationChannel] ?? channel;
}

/** An outbox row's status as a small coloured pill. */
@Component({
  selector: 'ta-delivery-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="pill" [class]="status()">{{ label() }}</span>`,
  styles: `
    .pill {
      display: inline-block;
      padding: 0 8px;
      border-radius: 10px;
      font: var(--mat-sys-label-medium);
      line-height: 20px;
      border: 1px solid currentColor;
    }
    .sent {
      color: var(--ta-up);
    }
    .pending,
    .sending {
      color: var(--ta-warn);
    }
    .dead {
      color: var(--ta-down);
    }
    .replayed {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class DeliveryStatus {
  readonly status = input.required<NotificationStatus>();
  protected readonly label = computed(
    () => ({ pending: 'pending', sending: 'sending', sent: 'sent', dead: 'failed', replayed: 'replayed' })[this.status()],
  );
}
