import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, type OnInit } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { AlertDetailDialog } from './alert-detail-dialog';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AlertFeed } from './alert-feed';
import { DashboardStore } from './dashboard.store';
import { HealthStrip } from './health-strip';
import { Watchlist } from './watchlist';

@Component({
  selector: 'ta-dashboard-page',
  imports: [MatCardModule, MatProgressBarModule, Watchlist, AlertFeed, HealthStrip],
  providers: [DashboardStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>Dashboard</h1>
        <ta-health-strip [health]="store.health()" [stale]="store.healthStale()" />
      </div>
      @if (store.error(); as error) {
        <p class="error" role="alert">{{ error }}</p>
      }
      <div class="grid">
        <mat-card appearance="outlined">
          <mat-card-header><mat-card-title>Watchlist</mat-card-title></mat-card-header>
          @if (store.loading()) {
            <mat-progress-bar mode="indeterminate" />
          }
          <mat-card-content><ta-watchlist [rows]="store.rows()" /></mat-card-content>
        </mat-card>
        <mat-card appearance="outlined" class="feed">
          <mat-card-header><mat-card-title>Live alerts</mat-card-title></mat-card-header>
          <mat-card-content><ta-alert-feed [alerts]="store.alerts()" /></mat-card-content>
        </mat-card>
      </div>
    </div>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(280px, 1fr);
      gap: 16px;
      align-items: start;
    }
    .feed mat-card-content {
      max-height: 70vh;
      overflow: auto;
    }
    .error {
      color: var(--ta-down);
    }
    @media (max-width: 1100px) {
      .grid {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class DashboardPage implements OnInit {
  protected readonly store = inject(DashboardStore);
  private readonly dialog = inject(MatDialog);
  private readonly location = inject(Location);
  /** From /alerts/:id, the link in every notification: the dashboard with that alert open. */
  readonly id = input<string>();

  ngOnInit(): void {
    void this.store.load();
    const alertId = Number(this.id());
    if (Number.isInteger(alertId) && alertId > 0) {
      const ref = this.dialog.open(AlertDetailDialog, { data: alertId, width: '560px' });
      // Closing the alert shows the dashboard's own address (so a reload does not reopen it) without
      // navigating: the page and its data stay as they are.
      ref.afterClosed().subscribe(() => this.location.replaceState('/'));
    }
  }
}
