import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Role } from '@tradeassist/shared-types';
import { ConnectionChip } from '../../shared/connection-chip';
import { AuthService } from '../auth/auth.service';
import { NotificationBell } from '../notifications/notification-bell';
import { AlertSound } from '../realtime/alert-sound';
import { RealtimeService } from '../realtime/realtime.service';

interface NavLink {
  path: string;
  label: string;
  icon: string;
  role: Role;
}

@Component({
  selector: 'ta-shell',
  imports: [
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    MatMenuModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    ConnectionChip,
    NotificationBell,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  protected readonly realtime = inject(RealtimeService);
  protected readonly auth = inject(AuthService);
  protected readonly sound = inject(AlertSound);
  private readonly router = inject(Router);
  protected readonly navOpen = signal(true);
  private readonly now = signal(Date.now());
  protected readonly clock = computed(() => new Date(this.now()).toISOString().slice(11, 19) + ' UTC');
  private readonly allLinks: NavLink[] = [
    { path: '/', label: 'Dashboard', icon: 'dashboard', role: 'viewer' },
    { path: '/instruments', label: 'Instruments', icon: 'candlestick_chart', role: 'viewer' },
    { path: '/rules', label: 'Rules', icon: 'rule', role: 'viewer' },
    { path: '/users', label: 'Users', icon: 'group', role: 'admin' },
    { path: '/deliveries', label: 'Deliveries', icon: 'outbox', role: 'admin' },
    { path: '/channels', label: 'Channels', icon: 'settings_input_antenna', role: 'admin' },
    { path: '/settings/notifications', label: 'Notification settings', icon: 'notifications_active', role: 'viewer' },
    { path: '/account', label: 'Account & API keys', icon: 'manage_accounts', role: 'viewer' },
  ];
  protected readonly links = computed(() => (this.auth.user() ? this.allLinks.filter((l) => this.auth.can(l.role)) : []));
  protected readonly chrome = computed(() => this.auth.user() !== null && !this.auth.mustChangePassword());

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected async signOut(): Promise<void> {
    await this.auth.logout();
    await this.router.navigate(['/login']);
  }
}
