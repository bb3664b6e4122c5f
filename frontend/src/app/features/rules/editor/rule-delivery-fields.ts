import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  ALERT_PRIORITIES,
  MESSAGE_PLACEHOLDERS,
  MESSAGE_TEMPLATE_MAX_LENGTH,
  NOTIFICATION_CHANNELS,
  templateProblems,
  type MessagePlaceholder,
  type NotificationChannel,
  type RuleOptions,
} from '@tradeassist/shared-types';
import { CHANNEL_LABELS, PRIORITY_LABELS } from '../rule-labels';
import { OptionSelect } from './option-select';
import { errorAt, matchersFor, ServerErrorMatcher, type FieldErrors } from '../../../shared/field-errors';

const PATHS = ['channels', 'sound', 'message_template'] as const;
type Path = (typeof PATHS)[number] | 'priority';

/** What a firing says and where it goes: priority, channels, sound and the message template. */
@Component({
  selector: 'ta-rule-delivery-fields',
  imports: [FormsModule, MatChipsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule, OptionSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="grid">
      <ta-option-select
        label="Priority"
        [values]="priorities"
        [labels]="priorityLabels"
        [value]="options().priority"
        (valueChange)="patch({ priority: $event })"
        [error]="error('priority')"
        testid="rule-priority"
      />
      <mat-form-field>
        <mat-label>Channels</mat-label>
        <mat-select
          multiple
          [ngModel]="options().channels ?? []"
          (ngModelChange)="channels($event)"
          placeholder="my defaults"
          [errorStateMatcher]="matchers.channels"
          data-testid="rule-channels"
        >
          @for (c of channelList; track c) {
            <mat-option [value]="c">{{ channelLabels[c] }}</mat-option>
          }
        </mat-select>
        <mat-hint>None chosen: your account's defaults</mat-hint>
        <mat-error>{{ error('channels') }}</mat-error>
      </mat-form-field>
      <div class="toggle">
        <mat-slide-toggle [ngModel]="options().sound" (ngModelChange)="patch({ sound: $event })" data-testid="rule-sound">
          Play a sound in the console
        </mat-slide-toggle>
        @if (error('sound'); as e) {
          <p class="error">{{ e }}</p>
        }
      </div>
    </div>
    <mat-form-field class="message" subscriptSizing="dynamic">
      <mat-label>Message (optional)</mat-label>
      <textarea
        matInput
        rows="2"
        [maxlength]="maxLength"
        [ngModel]="options().message_template ?? ''"
        (ngModelChange)="patch({ message_template: $event.trim() === '' ? null : $event })"
        [errorStateMatcher]="messageMatcher"
        placeholder="Blank: the built-in sentence, e.g. “ES is above 6100 at 6101.25”"
        data-testid="rule-message-template"
      ></textarea>
      <mat-error>{{ messageError() }}</mat-error>
      <mat-hint align="end">{{ (options().message_template ?? '').length }} / {{ maxLength }}</mat-hint>
    </mat-form-field>
    <div class="placeholders" aria-label="Placeholders">
      <span class="dim">Insert:</span>
      <mat-chip-set>
        @for (p of placeholders; track p) {
          <mat-chip (click)="insert(p)" [attr.data-testid]="'placeholder-' + p">{{ '{{' + p + '}}' }}</mat-chip>
        }
      </mat-chip-set>
    </div>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      gap: 4px 12px;
      align-items: start;
    }
    .toggle {
      padding-top: 12px;
    }
    .message {
      width: 100%;
      margin-top: 4px;
    }
    .placeholders {
      display: flex;
      gap: 8px;
      align-items: baseline;
      margin-top: 8px;
    }
    .placeholders mat-chip {
      cursor: pointer;
      font-family: monospace;
    }
    .dim {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      margin: 4px 0 0;
    }
  `,
})
export class RuleDeliveryFields {
  readonly options = model.required<RuleOptions>();
  readonly errors = input<FieldErrors>({});

  protected readonly priorities = ALERT_PRIORITIES;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly channelList = NOTIFICATION_CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly placeholders = MESSAGE_PLACEHOLDERS;
  protected readonly maxLength = MESSAGE_TEMPLATE_MAX_LENGTH;
  protected readonly matchers = matchersFor(PATHS, () => this.errors());
  /** The same check the server makes, shown while typing; the server's word wins when it has spoken. */
  protected readonly messageError = computed(
    () => errorAt(this.errors(), 'message_template') ?? (templateProblems(this.options().message_template ?? '').join('; ') || null),
  );
  protected readonly messageMatcher = new ServerErrorMatcher(() => this.messageError() !== null);

  protected patch(change: Partial<RuleOptions>): void {
    this.options.update((o) => ({ ...o, ...change }));
  }

  protected channels(list: NotificationChannel[]): void {
    this.patch({ channels: list.length === 0 ? null : list });
  }

  protected insert(p: MessagePlaceholder): void {
    const text = this.options().message_template ?? '';
    this.patch({ message_template: `${text}${text === '' || text.endsWith(' ') ? '' : ' '}{{${p}}}` });
  }

  protected error(path: Path): string | null {
    return errorAt(this.errors(), path);
  }
}
