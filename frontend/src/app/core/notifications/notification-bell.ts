import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule, MatMenuTrigger } from '@angular/material/menu';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { InboxAction, InboxItem } from '@tradeassist/shared-types';
import { AlertDetailDialog } from '../../features/dashboard/alert-detail-dialog';
import { formatTime } from '../../shared/format';
import { ApiError } from '../api/api-error';
import { NotificationCenter } from './notification-center';

/** The toolbar's bell: the unread count, and the notification center in a panel under it. */
@Component({
  selector: 'ta-notification-bell',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      [matMenuTriggerFor]="panel"
      data-testid="notification-bell"
      [attr.aria-label]="'Notifications, ' + center.unread() + ' unread'"
    >
      <mat-icon>{{ center.unread() > 0 ? 'notifications_active' : 'notifications' }}</mat-icon>
      @if (center.unread() > 0) {
        <span class="badge" data-testid="notification-count">{{ center.unread() > 99 ? '99+' : center.unread() }}</span>
      }
    </button>
    <mat-menu #panel="matMenu" class="ta-notification-panel" xPosition="before">
      <div class="panel" (click)="$event.stopPropagation()" (keydown)="$event.stopPropagation()" role="presentation">
        <div class="head">
          <span class="title">Notifications</span>
          <span class="unread-count">{{ center.unread() }} unread</span>
          <button mat-button (click)="readAll()" [disabled]="center.unread() === 0" data-testid="notification-read-all">
            <mat-icon>done_all</mat-icon>Mark all read
          </button>
        </div>
        @if (error(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
        @for (item of center.items(); track item.id) {
          <div
            class="entry"
            [class.unread]="!item.read"
            [class]="'priority-' + item.priority"
            data-testid="notification-entry"
            [attr.data-read]="item.read"
          >
            <button class="open" (click)="open(item)" [attr.aria-label]="'Open ' + item.title">
              <span class="line1">
                <span class="dot" [attr.title]="item.priority + ' priority'"></span>
                <span class="entry-title">{{ item.title }}</span>
                @if (item.acknowledged_at) {
                  <mat-icon class="ack" matTooltip="Acknowledged" data-testid="notification-acknowledged">task_alt</mat-icon>
                }
              </span>
              <span class="body">{{ item.body }}</span>
              <span class="time">
                {{ time(item.created_at) }} UTC
                @if (snoozed(item)) {
                  · snoozed until {{ time(item.snoozed_until).slice(11) }}
                }
              </span>
            </button>
            <span class="actions">
              @if (item.read) {
                <button mat-icon-button matTooltip="Mark unread" (click)="act(item, 'unread')">
                  <mat-icon>mark_email_unread</mat-icon>
                </button>
              } @else {
                <button mat-icon-button matTooltip="Mark read" (click)="act(item, 'read')" data-testid="notification-read">
                  <mat-icon>drafts</mat-icon>
                </button>
              }
              @if (!item.acknowledged_at) {
                <button mat-icon-button matTooltip="Acknowledge" (click)="act(item, 'acknowledge')" data-testid="notification-acknowledge">
                  <mat-icon>check_circle</mat-icon>
                </button>
              }
              <button mat-icon-button matTooltip="Snooze 15 min" (click)="act(item, 'snooze', 15)"><mat-icon>snooze</mat-icon></button>
              <button mat-icon-button matTooltip="Snooze 60 min" (click)="act(item, 'snooze', 60)"><mat-icon>schedule</mat-icon></button>
              <button mat-icon-button matTooltip="Archive" (click)="act(item, 'archive')" data-testid="notification-archive">
                <mat-icon>archive</mat-icon>
              </button>
            </span>
          </div>
        } @empty {
          <p class="empty">No notifications. Alerts of your rules appear here as they fire.</p>
        }
      </div>
    </mat-menu>
  `,
  styles: `
    .panel {
      width: 440px;
      max-height: 70vh;
      overflow-y: auto;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 4px 8px 8px 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .title {
      font: var(--mat-sys-title-medium);
    }
    :host {
      position: relative;
    }
    .badge {
      position: absolute;
      top: 2px;
      right: 0;
      z-index: 1;
      min-width: 18px;
      height: 18px;
      padding: 0 4px;
      box-sizing: border-box;
      border-radius: 9px;
      border: 2px solid var(--mat-sys-surface);
      background: #dc2626;
      color: #fff;
      font:
        600 10px/14px Roboto,
        sans-serif;
      text-align: center;
      pointer-events: none;
    }
    .unread-count {
      flex: 1;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .entry {
      display: flex;
      align-items: flex-start;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      border-left: 3px solid var(--ta-priority);
    }
    .open {
      flex: 1;
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 8px 8px 8px 12px;
      background: none;
      border: 0;
      color: inherit;
      text-align: left;
      cursor: pointer;
      font: var(--mat-sys-body-medium);
    }
    .open:hover {
      background: var(--mat-sys-surface-container-high);
    }
    .line1 {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--ta-priority);
      flex: none;
    }
    .entry-title {
      color: var(--mat-sys-on-surface-variant);
    }
    .unread .entry-title {
      color: var(--mat-sys-on-surface);
      font-weight: 600;
    }
    .unread {
      background: color-mix(in srgb, var(--mat-sys-primary) 6%, transparent);
    }
    .ack {
      font-size: 16px;
      width: 16px;
      height: 16px;
      color: var(--ta-up);
    }
    .body,
    .time {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
    .actions {
      display: grid;
      grid-template-columns: repeat(3, 36px);
      padding: 4px;
    }
    .actions button {
      --mat-icon-button-state-layer-size: 36px;
      width: 36px;
      height: 36px;
      padding: 6px;
    }
    .priority-low {
      --ta-priority: var(--mat-sys-outline);
    }
    .priority-normal {
      --ta-priority: #60a5fa;
    }
    .priority-high {
      --ta-priority: var(--ta-warn);
    }
    .priority-urgent {
      --ta-priority: var(--ta-down);
    }
    .error {
      margin: 8px 16px;
      color: var(--mat-sys-error);
    }
    .empty {
      padding: 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NotificationBell {
  protected readonly center = inject(NotificationCenter);
  private readonly dialog = inject(MatDialog);
  protected readonly error = signal<string | null>(null);
  private readonly trigger = viewChild.required(MatMenuTrigger);
  protected readonly time = formatTime;

  protected snoozed(item: InboxItem): boolean {
    return item.snoozed_until !== null && Date.parse(item.snoozed_until) > Date.now();
  }

  protected open(item: InboxItem): void {
    this.trigger().closeMenu();
    if (!item.read) void this.act(item, 'read');
    // A system alert (feed, channel, storage) has no alert to show: its entry says it all.
    if (item.alert_id !== null) this.dialog.open(AlertDetailDialog, { data: item.alert_id, width: '560px' });
  }

  protected async act(item: InboxItem, action: InboxAction, minutes?: number): Promise<void> {
    await this.attempt(() => this.center.act(item, action, minutes));
  }

  protected async readAll(): Promise<void> {
    await this.attempt(() => this.center.readAll());
  }

  private async attempt(change: () => Promise<void>): Promise<void> {
    try {
      await change();
      this.error.set(null);
    } catch (e) {
      this.error.set(ApiError.from(e).message);
    }
  }
}
