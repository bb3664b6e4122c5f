import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { formatTime } from '../../shared/format';
import { AlertDetailDialog } from './alert-detail-dialog';
import type { FeedEntry } from './dashboard.store';

@Component({
  selector: 'ta-alert-feed',
  imports: [MatListModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (alerts().length === 0) {
      <p class="empty">No alerts yet. Create a rule and they will appear here the moment it fires.</p>
    } @else {
      <mat-list>
        @for (a of alerts(); track a.id) {
          <mat-list-item
            data-testid="alert-entry"
            class="entry"
            role="button"
            tabindex="0"
            [attr.aria-label]="'Why ' + a.symbol + ' ' + a.ruleName + ' fired'"
            (click)="explain(a)"
            (keydown.enter)="explain(a)"
          >
            <mat-icon matListItemIcon class="bell">notifications_active</mat-icon>
            <span matListItemTitle
              ><b>{{ a.symbol }}</b> · {{ a.ruleName }}</span
            >
            <span matListItemLine>{{ a.message }}</span>
            <span matListItemLine class="time">{{ time(a.timestamp) }} UTC</span>
          </mat-list-item>
        }
      </mat-list>
    }
  `,
  styles: `
    .empty {
      color: var(--mat-sys-on-surface-variant);
      padding: 8px 16px;
    }
    .bell {
      color: var(--ta-warn);
    }
    .time {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .entry {
      height: auto !important;
      cursor: pointer;
    }
    .entry:hover,
    .entry:focus-visible {
      background: var(--mat-sys-surface-container-high);
    }
  `,
})
export class AlertFeed {
  readonly alerts = input.required<FeedEntry[]>();
  protected readonly time = formatTime;
  private readonly dialog = inject(MatDialog);

  protected explain(entry: FeedEntry): void {
    this.dialog.open(AlertDetailDialog, { data: entry.id, width: '560px' });
  }
}
