import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { ChannelSettings, ChannelSettingsUpdate } from '@tradeassist/shared-types';
import { channelLabel } from '../../shared/delivery-status';
import { fieldError } from '../../shared/field-errors';
import { ChannelFields } from './channel-fields';
import { changesOf, draftOf, type ChannelDraft } from './channel-draft';
import type { ChannelState } from './channels.store';
import { HeaderRows } from './header-rows';
import { TemplateEditor } from './template-editor';

/** One outbox channel: switch, settings, headers, message template with its preview, save, and a test send. */
@Component({
  selector: 'ta-channel-card',
  imports: [FormsModule, MatButtonModule, MatCardModule, MatIconModule, MatSlideToggleModule, ChannelFields, HeaderRows, TemplateEditor],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './channel-card.html',
  styleUrl: './channel-card.scss',
})
export class ChannelCard {
  readonly settings = input.required<ChannelSettings>();
  readonly state = input.required<ChannelState>();
  readonly save = output<ChannelSettingsUpdate>();
  readonly test = output<void>();
  /** The template to render: what is typed, or the built-in one when that is blank. */
  readonly preview = output<string>();

  /** Starts again from the server's answer whenever the saved settings change. */
  protected readonly draft = linkedSignal(() => draftOf(this.settings()));
  protected readonly changes = computed(() => changesOf(this.settings(), this.draft()));
  protected readonly dirty = computed(() => Object.keys(this.changes()).length > 0);
  protected readonly errors = computed(() => this.state().error?.paths ?? {});
  protected readonly label = computed(() => channelLabel(this.settings().channel));
  protected readonly error = (path: string): string | null => fieldError(this.errors(), path);
  protected readonly testResult = computed(() => {
    const t = this.state().test;
    return t.kind === 'answered' ? t.result : null;
  });
  protected readonly testFailure = computed(() => {
    const t = this.state().test;
    return t.kind === 'failed' ? t.message : '';
  });

  protected patch(change: Partial<ChannelDraft>): void {
    this.draft.update((d) => ({ ...d, ...change }));
  }

  protected setTemplate(template: string): void {
    this.patch({ template });
    this.preview.emit(template.trim() === '' ? this.settings().default_template : template);
  }
}
