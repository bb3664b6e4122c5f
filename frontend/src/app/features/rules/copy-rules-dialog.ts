import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { RULE_IMPORT_MAX, type AlertRule, type Instrument } from '@tradeassist/shared-types';
import { firstValueFrom } from 'rxjs';

export interface CopyRulesData {
  rules: readonly Pick<AlertRule, 'instrument_id'>[];
  instruments: readonly Instrument[];
}

/** How many copies: each rule onto each chosen instrument but its own (as the server counts them). */
export function copyCount(rules: readonly Pick<AlertRule, 'instrument_id'>[], instrumentIds: ReadonlySet<number>): number {
  return rules.reduce((n, r) => n + instrumentIds.size - (instrumentIds.has(r.instrument_id) ? 1 : 0), 0);
}

/** Picks the instruments the selected rules are copied onto, saying how many rules that makes before anything is created. */
@Component({
  selector: 'ta-copy-rules-dialog',
  imports: [MatDialogModule, MatButtonModule, MatCheckboxModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Copy {{ data.rules.length === 1 ? '1 rule' : data.rules.length + ' rules' }} to…</h2>
    <mat-dialog-content>
      <p class="dim">
        Each copy has every setting of its rule and is yours. A name that says the rule's symbol says the new one; a rule is not copied onto
        its own instrument.
      </p>
      <div class="choices" role="group" aria-label="Instruments">
        @for (i of data.instruments; track i.id) {
          <mat-checkbox [checked]="chosen().has(i.id)" (change)="toggle(i.id, $event.checked)" [attr.data-testid]="'copy-to-' + i.symbol">
            <b>{{ i.symbol }}</b> <span class="dim">{{ i.name }}</span>
          </mat-checkbox>
        }
      </div>
      @if (count() > max) {
        <p class="warn">At most {{ max }} copies at once: choose fewer instruments or rules.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close>Cancel</button>
      <button mat-flat-button [disabled]="count() === 0 || count() > max" [mat-dialog-close]="symbols()" data-testid="copy-ok">
        Create {{ count() === 1 ? '1 rule' : count() + ' rules' }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .choices {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    }
    .dim {
      color: var(--mat-sys-on-surface-variant);
    }
    .warn {
      color: var(--ta-down);
    }
  `,
})
export class CopyRulesDialog {
  protected readonly data = inject<CopyRulesData>(MAT_DIALOG_DATA);
  protected readonly max = RULE_IMPORT_MAX;
  protected readonly chosen = signal<ReadonlySet<number>>(new Set());
  protected readonly count = computed(() => copyCount(this.data.rules, this.chosen()));
  protected readonly symbols = computed(() => this.data.instruments.filter((i) => this.chosen().has(i.id)).map((i) => i.symbol));

  protected toggle(id: number, on: boolean): void {
    const next = new Set(this.chosen());
    if (on) next.add(id);
    else next.delete(id);
    this.chosen.set(next);
  }
}

/** The symbols chosen, or null if the dialog was left without choosing. */
export async function askCopyTargets(dialog: MatDialog, data: CopyRulesData): Promise<string[] | null> {
  const ref = dialog.open<CopyRulesDialog, CopyRulesData, string[]>(CopyRulesDialog, { data, width: '640px' });
  return (await firstValueFrom(ref.afterClosed())) ?? null;
}
