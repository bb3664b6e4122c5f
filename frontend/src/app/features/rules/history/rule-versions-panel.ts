import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { Instrument, RuleVersionsResponse } from '@tradeassist/shared-types';
import { ApiError } from '../../../core/api/api-error';
import { RulesApi } from '../../../core/api/rules-api';
import { formatTime } from '../../../shared/format';
import { versionChanges } from './version-changes';

/** A rule's versions, newest first, each with who made it, when, and what it changed; read when the panel is opened. */
@Component({
  selector: 'ta-rule-versions-panel',
  imports: [MatExpansionModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-expansion-panel data-testid="rule-versions" (opened)="load()">
      <mat-expansion-panel-header>
        <mat-panel-title>History</mat-panel-title>
        <mat-panel-description>{{ summary() }}</mat-panel-description>
      </mat-expansion-panel-header>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (error(); as e) {
        <p class="error" role="alert" data-testid="rule-versions-error">{{ e }}</p>
      }
      <ol class="versions">
        @for (v of entries(); track v.version) {
          <li data-testid="rule-version">
            <div class="head">
              <strong>v{{ v.version }}</strong> {{ v.change }} by {{ v.changedBy ?? 'unknown' }} · {{ v.changedAt }} UTC
            </div>
            @if (v.change === 'updated') {
              @if (v.changes.length === 0) {
                <div class="same">No field changed.</div>
              } @else {
                <ul>
                  @for (c of v.changes; track c.field) {
                    <li>
                      <span class="field">{{ c.field }}</span>: <span class="from">{{ c.from }}</span> →
                      <span class="to">{{ c.to }}</span>
                    </li>
                  }
                </ul>
              }
            }
          </li>
        }
      </ol>
    </mat-expansion-panel>
  `,
  styles: `
    .versions {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .versions > li {
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .head,
    .same {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .head strong {
      color: var(--mat-sys-on-surface);
    }
    ul {
      margin: 4px 0 0;
      padding-left: 20px;
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
    .from {
      color: var(--mat-sys-on-surface-variant);
      text-decoration: line-through;
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class RuleVersionsPanel {
  readonly ruleId = input.required<number>();
  readonly instruments = input<readonly Instrument[]>([]);

  private readonly api = inject(RulesApi);
  private readonly history = signal<RuleVersionsResponse | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly entries = computed(() => {
    const versions = this.history()?.versions ?? [];
    const symbolOf = (id: number) => this.instruments().find((i) => i.id === id)?.symbol ?? null;
    // Newest first: the version before each is the next one in the list.
    return versions.map((v, i) => ({
      version: v.version,
      change: v.change,
      changedBy: v.changed_by,
      changedAt: formatTime(v.changed_at),
      changes: versionChanges(versions[i + 1]?.definition ?? null, v.definition, symbolOf),
    }));
  });
  protected readonly summary = computed(() => {
    const n = this.history()?.versions.length;
    return n === undefined ? 'Who changed what, and when' : `${n} version${n === 1 ? '' : 's'}`;
  });

  /** Read on every opening, so an edit saved meanwhile shows up. */
  protected async load(): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    try {
      this.history.set(await this.api.versions(this.ruleId()));
    } catch (error) {
      this.error.set(`History unavailable: ${ApiError.from(error).message}`);
    } finally {
      this.loading.set(false);
    }
  }
}
