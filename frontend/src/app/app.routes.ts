import type { Routes } from '@angular/router';
import { requireUser } from './core/auth/auth.guard';

export const routes: Routes = [
  { path: 'login', loadComponent: () => import('./features/login/login.page').then((m) => m.LoginPage), title: 'Sign in · TradeAssist' },
  {
    path: '',
    pathMatch: 'full',
    canActivate: [requireUser()],
    loadComponent: () => import('./features/dashboard/dashboard.page').then((m) => m.DashboardPage),
    title: 'Dashboard · TradeAssist',
  },
  {
    path: 'alerts/:id',
    canActivate: [requireUser()],
    loadComponent: () => import('./features/dashboard/dashboard.page').then((m) => m.DashboardPage),
    title: 'Alert · TradeAssist',
  },
  {
    path: 'rules',
    canActivate: [requireUser()],
    loadComponent: () => import('./features/rules/rules.page').then((m) => m.RulesPage),
    title: 'Rules · TradeAssist',
  },
  {
    path: 'instruments',
    canActivate: [requireUser()],
    loadComponent: () => import('./features/instruments/instruments.page').then((m) => m.InstrumentsPage),
    title: 'Instruments · TradeAssist',
  },
  {
    path: 'account',
    canActivate: [requireUser()],
    loadComponent: () => import('./features/account/account.page').then((m) => m.AccountPage),
    title: 'Account · TradeAssist',
  },
  {
    path: 'settings/notifications',
    canActivate: [requireUser()],
    loadComponent: () => import('./features/notification-settings/notification-settings.page').then((m) => m.NotificationSettingsPage),
    title: 'Notification settings · TradeAssist',
  },
  {
    path: 'users',
    canActivate: [requireUser('admin')],
    loadComponent: () => import('./features/users/users.page').then((m) => m.UsersPage),
    title: 'Users · TradeAssist',
  },
  {
    path: 'deliveries',
    canActivate: [requireUser('admin')],
    loadComponent: () => import('./features/deliveries/deliveries.page').then((m) => m.DeliveriesPage),
    title: 'Deliveries · TradeAssist',
  },
  {
    path: 'channels',
    canActivate: [requireUser('admin')],
    loadComponent: () => import('./features/channels/channels.page').then((m) => m.ChannelsPage),
    title: 'Channels · TradeAssist',
  },
  { path: '**', redirectTo: '' },
];
