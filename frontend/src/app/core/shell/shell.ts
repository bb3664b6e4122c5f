import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { ConnectionChip } from '../../shared/connection-chip';
import { RealtimeService } from '../realtime/realtime.service';

@Component({
  selector: 'ta-shell',
  imports: [
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    ConnectionChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-toolbar class="bar">
      <button mat-icon-button (click)="navOpen.set(!navOpen())" aria-label="Toggle navigation"><mat-icon>menu</mat-icon></button>
      <span class="brand"><mat-icon class="logo">show_chart</mat-icon>TradeAssist</span>
      <span class="spacer"></span>
      <span class="clock num">{{ clock() }}</span>
      <ta-connection-chip [state]="realtime.state()" />
    </mat-toolbar>
    <mat-sidenav-container class="container">
      <mat-sidenav mode="side" [opened]="navOpen()" class="nav">
        <mat-nav-list>
          @for (link of links; track link.path) {
            <a mat-list-item [routerLink]="link.path" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: link.path === '/' }">
              <mat-icon matListItemIcon>{{ link.icon }}</mat-icon>
              <span matListItemTitle>{{ link.label }}</span>
            </a>
          }
        </mat-nav-list>
      </mat-sidenav>
      <mat-sidenav-content><router-outlet /></mat-sidenav-content>
    </mat-sidenav-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
    }
    .bar {
      gap: 8px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .brand {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font: var(--mat-sys-title-large);
    }
    .logo {
      color: var(--ta-up);
    }
    .spacer {
      flex: 1;
    }
    .clock {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      margin-right: 8px;
    }
    .container {
      flex: 1;
    }
    .nav {
      width: 200px;
      border-right: 1px solid var(--mat-sys-outline-variant);
    }
    .active {
      background: var(--mat-sys-secondary-container);
    }
  `,
})
export class Shell {
  protected readonly realtime = inject(RealtimeService);
  protected readonly navOpen = signal(true);
  private readonly now = signal(Date.now());
  protected readonly clock = computed(() => new Date(this.now()).toISOString().slice(11, 19) + ' UTC');
  protected readonly links = [
    { path: '/', label: 'Dashboard', icon: 'dashboard' },
    { path: '/rules', label: 'Rules', icon: 'rule' },
    { path: '/instruments', label: 'Instruments', icon: 'candlestick_chart' },
  ];

  constructor() {
    setInterval(() => this.now.set(Date.now()), 1000);
  }
}
