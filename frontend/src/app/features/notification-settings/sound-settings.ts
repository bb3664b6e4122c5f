import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { ALERT_PRIORITIES, type AlertPriority } from '@tradeassist/shared-types';
import { AlertSound } from '../../core/realtime/alert-sound';

/** This browser's alert tones: the mute (kept in the browser, like the account menu's) and a way to hear each one. */
@Component({
  selector: 'ta-sound-settings',
  imports: [MatButtonModule, MatIconModule, MatSlideToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-slide-toggle [checked]="sound.muted()" (change)="sound.setMuted($event.checked)" data-testid="sound-muted">
      Mute alert tones in this browser
    </mat-slide-toggle>
    <p class="hint">Remembered by this browser only; the account menu has the same switch.</p>
    <div class="tones" role="group" aria-label="Hear each priority's tone">
      @for (p of priorities; track p) {
        <button
          mat-stroked-button
          type="button"
          (click)="play(p)"
          [attr.aria-label]="'Play the ' + p + ' tone'"
          [attr.data-testid]="'play-' + p"
        >
          <mat-icon>play_arrow</mat-icon>{{ p }}
        </button>
      }
    </div>
    <p class="hint">
      {{
        unsupported()
          ? 'This browser cannot play sounds (no Web Audio).'
          : 'The buttons play even while muted, so you can pick what to hear.'
      }}
    </p>
  `,
  styles: `
    .tones {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .hint {
      margin: 4px 0 12px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SoundSettings {
  protected readonly sound = inject(AlertSound);
  protected readonly priorities = ALERT_PRIORITIES;
  protected readonly unsupported = signal(false);

  protected play(priority: AlertPriority): void {
    this.unsupported.set(!this.sound.preview(priority));
  }
}
