import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { ChannelCard } from './channel-card';
import { ChannelsStore } from './channels.store';

/** For administrators: each outbox channel's switch, settings, message template, and a test send. */
@Component({
  selector: 'ta-channels-page',
  imports: [MatButtonModule, MatIconModule, ChannelCard],
  providers: [ChannelsStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page">
      <div class="page-header">
        <h1>Channels</h1>
        <button mat-stroked-button (click)="store.load()" data-testid="channels-refresh"><mat-icon>refresh</mat-icon>Refresh</button>
      </div>
      <p class="meta">
        Secrets stay in the server's environment: only whether each is set is shown, with the variable that sets it. Test sends a sample
        alert to you through the channel with its saved settings and shows the provider's answer.
      </p>
      @if (store.error(); as e) {
        <p class="error" role="alert">{{ e }}</p>
      }
      @if (store.channels(); as channels) {
        <div class="cards">
          @for (c of channels; track c.channel) {
            <ta-channel-card
              [settings]="c"
              [state]="store.stateOf(c.channel)"
              (save)="store.save(c.channel, $event)"
              (test)="store.test(c.channel)"
              (preview)="store.preview(c.channel, $event)"
            />
          }
        </div>
      } @else if (!store.error()) {
        <p class="meta">Loading…</p>
      }
    </div>
  `,
  styles: `
    .meta {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--ta-down);
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(560px, 1fr));
      gap: 16px;
      align-items: start;
    }
  `,
})
export class ChannelsPage implements OnInit {
  protected readonly store = inject(ChannelsStore);

  ngOnInit(): void {
    void this.store.load();
  }
}
