import type { Routes } from '@angular/router';

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    loadComponent: () => import('./features/dashboard/dashboard.page').then((m) => m.DashboardPage),
    title: 'Dashboard · TradeAssist',
  },
  { path: 'rules', loadComponent: () => import('./features/rules/rules.page').then((m) => m.RulesPage), title: 'Rules · TradeAssist' },
  {
    path: 'instruments',
    loadComponent: () => import('./features/instruments/instruments.page').then((m) => m.InstrumentsPage),
    title: 'Instruments · TradeAssist',
  },
  { path: '**', redirectTo: '' },
];
