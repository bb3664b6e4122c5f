import { ChangeDetectionStrategy, Component, computed, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { NotificationChannel, NotificationMetrics, NotificationRecord } from '@tradeassist/shared-types';
import { ApiError } from '../../core/api/api-error';
import { NotificationsApi } from '../../core/api/notifications-api';
import { OUTBOX_CHANNELS, channelLabel } from '../../shared/delivery-status';
import { formatTime } from '../../shared/format';

/** "same" replays to the notification's own channel. */
type ReplayTarget = NotificationChannel | 'same';

/** For administrators: how each channel delivers, and what could not be delivered, to send again. */
@Component({
  selector: 'ta-deliveries-page',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatSelectModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './deliveries.page.html',
  styles: `
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 8px 0 0;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--ta-down);
    }
    .bad {
      color: var(--ta-down);
    }
    .last-error {
      max-width: 420px;
      overflow-wrap: anywhere;
      color: var(--mat-sys-on-surface-variant);
    }
    .replay {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .target {
      width: 200px;
    }
  `,
})
export class DeliveriesPage implements OnInit {
  private readonly api = inject(NotificationsApi);
  protected readonly metrics = signal<NotificationMetrics | null>(null);
  protected readonly dead = signal<NotificationRecord[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly replaying = signal<number | null>(null);
  /** The replay target chosen per dead notification; unset means its own channel. */
  protected readonly targets = signal<Readonly<Record<number, ReplayTarget>>>({});
  protected readonly channels = OUTBOX_CHANNELS;
  protected readonly label = channelLabel;
  protected readonly time = formatTime;
  protected readonly metricColumns = ['channel', 'pending', 'sent', 'dead', 'attempts', 'failed', 'success', 'p50', 'p95', 'p99'];
  protected readonly deadColumns = ['id', 'alert', 'channel', 'attempts', 'error', 'created', 'replay'];
  protected readonly metricRows = computed(() =>
    Object.entries(this.metrics()?.channels ?? {})
      .map(([channel, m]) => ({ channel, ...m }))
      .sort((a, b) => a.channel.localeCompare(b.channel)),
  );

  ngOnInit(): void {
    void this.load();
  }

  protected target(id: number): ReplayTarget {
    return this.targets()[id] ?? 'same';
  }

  protected setTarget(id: number, target: ReplayTarget): void {
    this.targets.update((t) => ({ ...t, [id]: target }));
  }

  protected async replay(record: NotificationRecord): Promise<void> {
    const target = this.target(record.id);
    this.replaying.set(record.id);
    try {
      await this.api.replay(record.id, target === 'same' ? undefined : target);
      this.error.set(null);
      await this.load();
    } catch (e) {
      this.error.set(ApiError.from(e).message);
    } finally {
      this.replaying.set(null);
    }
  }

  protected async load(): Promise<void> {
    try {
      const [metrics, dead] = await Promise.all([this.api.metrics(), this.api.deadLetters()]);
      this.metrics.set(metrics);
      this.dead.set(dead);
    } catch (e) {
      this.error.set(ApiError.from(e).message);
    }
  }

  protected percent(rate: number): string {
    return `${(rate * 100).toFixed(1)} %`;
  }

  /** Sub-millisecond latencies (a refusal before any network call) keep two decimals; the rest are whole. */
  protected ms(value: number): string {
    return `${value < 10 ? value.toFixed(2) : Math.round(value)} ms`;
  }
}
