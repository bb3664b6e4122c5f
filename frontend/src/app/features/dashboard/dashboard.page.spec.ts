import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { Location } from '@angular/common';
import { provideRouter } from '@angular/router';
import { configurePageTestBed } from '../../../testing/page-test-bed';
import { AlertDetailDialog } from './alert-detail-dialog';
import { DashboardPage } from './dashboard.page';

describe('DashboardPage at /alerts/:id (the link in every notification)', () => {
  let opened: { component: unknown; data: unknown }[];
  let closed: () => void;

  beforeEach(() => {
    opened = [];
    configurePageTestBed('viewer', [provideRouter([])]);
    const dialog = TestBed.inject(MatDialog);
    jest.spyOn(dialog, 'open').mockImplementation(((component: unknown, config?: { data?: unknown }) => {
      opened.push({ component, data: config?.data });
      return { afterClosed: () => ({ subscribe: (fn: () => void) => (closed = fn) }) };
    }) as unknown as MatDialog['open']);
  });

  function render(id: string | undefined): void {
    const fixture = TestBed.createComponent(DashboardPage);
    if (id !== undefined) fixture.componentRef.setInput('id', id);
    fixture.detectChanges();
  }

  it('opens the alert named by the address, and goes back to the dashboard when it is closed', () => {
    const replace = jest.spyOn(TestBed.inject(Location), 'replaceState');
    render('42');
    expect(opened).toEqual([{ component: AlertDetailDialog, data: 42 }]);
    closed();
    expect(replace).toHaveBeenCalledWith('/');
  });

  it.each([undefined, 'abc', '0'])('opens nothing for %p', (id) => {
    render(id);
    expect(opened).toEqual([]);
  });
});
