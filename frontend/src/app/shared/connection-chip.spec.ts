import { TestBed } from '@angular/core/testing';
import type { ConnectionState } from '../core/realtime/realtime.service';
import { ConnectionChip } from './connection-chip';

describe('ConnectionChip', () => {
  it.each<[ConnectionState, string]>([
    ['live', 'Live'],
    ['connecting', 'Connecting…'],
    ['reconnecting', 'Reconnecting…'],
    ['offline', 'Offline'],
  ])('shows %s as "%s"', async (state, text) => {
    const fixture = TestBed.createComponent(ConnectionChip);
    fixture.componentRef.setInput('state', state);
    await fixture.whenStable();
    const chip = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="connection-state"]');
    expect(chip?.textContent).toContain(text);
    expect(chip?.classList).toContain(state);
  });
});
