import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CHANNEL_OPS, type ConditionNode } from '@tradeassist/shared-types';
import {
  CHANNEL_OP_LABELS,
  LEAF_KIND_LABELS,
  LEAF_PRICE_CONDITIONS,
  isEditableTree,
  newLeaf,
  type LeafKind,
  type LeafNode,
} from './condition-tree';
import { MatcherCache, errorAt, type ErrorPaths, type ServerErrorMatcher } from './server-errors';

type MoveNode = Extract<LeafNode, { kind: 'move' }>;

/** A multi-condition rule's tree: all or any of a list of price, channel and move conditions. */
@Component({
  selector: 'ta-condition-tree-fields',
  imports: [NgTemplateOutlet, FormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (group(); as g) {
      <mat-form-field>
        <mat-label>Fire when</mat-label>
        <mat-select [ngModel]="g.kind" (ngModelChange)="setGroupKind($event)" data-testid="rule-tree-kind">
          <mat-option value="all">all of these hold</mat-option>
          <mat-option value="any">any of these holds</mat-option>
        </mat-select>
      </mat-form-field>
      @for (leaf of g.of; track $index; let i = $index) {
        <div class="leaf" [attr.data-testid]="'rule-tree-leaf-' + i">
          <mat-form-field>
            <mat-label>Condition {{ i + 1 }}</mat-label>
            <mat-select [ngModel]="leaf.kind" (ngModelChange)="replace(i, newLeaf($event))" [attr.data-testid]="'rule-tree-leaf-kind-' + i">
              @for (k of kinds; track k) {
                <mat-option [value]="k">{{ kindLabels[k] }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ error(i, 'kind') }}</mat-error>
          </mat-form-field>
          @switch (leaf.kind) {
            @case ('rule') {
              <mat-form-field>
                <mat-label>When</mat-label>
                <mat-select
                  [ngModel]="leaf.condition"
                  (ngModelChange)="setPriceCondition(i, $event)"
                  [errorStateMatcher]="matcher(i, 'condition')"
                  [attr.data-testid]="'rule-tree-condition-' + i"
                >
                  @for (c of priceConditions; track c.condition) {
                    <mat-option [value]="c.condition">{{ c.label }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{ error(i, 'condition') ?? error(i, 'rule_type') }}</mat-error>
              </mat-form-field>
              <ng-container *ngTemplateOutlet="number; context: { i, key: 'threshold', label: 'Level', value: leaf.threshold }" />
            }
            @case ('channel') {
              <mat-form-field>
                <mat-label>Price</mat-label>
                <mat-select
                  [ngModel]="leaf.op"
                  (ngModelChange)="patch(i, { op: $event })"
                  [errorStateMatcher]="matcher(i, 'op')"
                  [attr.data-testid]="'rule-tree-op-' + i"
                >
                  @for (op of channelOps; track op) {
                    <mat-option [value]="op">{{ opLabels[op] }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{ error(i, 'op') }}</mat-error>
              </mat-form-field>
              <ng-container *ngTemplateOutlet="number; context: { i, key: 'lower', label: 'Lower', value: leaf.lower }" />
              <ng-container *ngTemplateOutlet="number; context: { i, key: 'upper', label: 'Upper', value: leaf.upper }" />
            }
            @case ('move') {
              <mat-form-field>
                <mat-label>Price moves</mat-label>
                <mat-select
                  [ngModel]="leaf.direction + ' ' + leaf.unit"
                  (ngModelChange)="setMoveKind(i, $event)"
                  [attr.data-testid]="'rule-tree-move-' + i"
                >
                  <mat-option value="up percent">up by %</mat-option>
                  <mat-option value="down percent">down by %</mat-option>
                  <mat-option value="up value">up by points</mat-option>
                  <mat-option value="down value">down by points</mat-option>
                </mat-select>
                <mat-error>{{ error(i, 'direction') ?? error(i, 'unit') }}</mat-error>
              </mat-form-field>
              <ng-container *ngTemplateOutlet="number; context: { i, key: 'by', label: 'By', value: leaf.by }" />
              <ng-container *ngTemplateOutlet="number; context: { i, key: withinKey(leaf), label: 'Within', value: withinValue(leaf) }" />
              <mat-form-field class="unit">
                <mat-label>Unit</mat-label>
                <mat-select
                  [ngModel]="withinKey(leaf)"
                  (ngModelChange)="setWithinUnit(i, $event)"
                  [attr.data-testid]="'rule-tree-within-unit-' + i"
                >
                  <mat-option value="within_seconds">seconds</mat-option>
                  <mat-option value="within_bars">bars</mat-option>
                </mat-select>
              </mat-form-field>
            }
          }
          <button
            mat-icon-button
            type="button"
            (click)="remove(i)"
            [disabled]="g.of.length === 1"
            aria-label="Remove this condition"
            [attr.data-testid]="'rule-tree-remove-' + i"
          >
            <mat-icon>delete</mat-icon>
          </button>
        </div>
      }
      @if (errorAt(errors(), 'of') ?? errorAt(errors(), ''); as e) {
        <p class="error" data-testid="rule-tree-error">{{ e }}</p>
      }
      <button mat-stroked-button type="button" (click)="add()" data-testid="rule-tree-add"><mat-icon>add</mat-icon>Add condition</button>
    } @else {
      <p class="note" data-testid="rule-tree-note">
        This rule's condition tree has nested groups or indicator conditions, which the console does not edit; it is kept as it is when you
        save.
      </p>
    }
    <ng-template #number let-i="i" let-key="key" let-label="label" let-value="value">
      <mat-form-field class="number">
        <mat-label>{{ label }}</mat-label>
        <input
          matInput
          type="number"
          step="any"
          [ngModel]="value"
          (ngModelChange)="setNumber(i, key, $event)"
          [errorStateMatcher]="matcher(i, key)"
          [attr.data-testid]="'rule-tree-' + key + '-' + i"
        />
        <mat-error>{{ error(i, key) }}</mat-error>
      </mat-form-field>
    </ng-template>
  `,
  styles: `
    .leaf {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 12px;
      /* Room for a two-line server message under the narrow number fields. */
      margin-bottom: 20px;
    }
    .number {
      width: 170px;
    }
    .unit {
      width: 120px;
    }
    .error {
      margin: 0 0 8px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .note {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ConditionTreeFields {
  readonly tree = model.required<ConditionNode | null>();
  /** The server's messages under 'conditions' ('of.1.upper', ...). */
  readonly errors = input<ErrorPaths>({});

  protected readonly kinds: readonly LeafKind[] = ['rule', 'channel', 'move'];
  protected readonly kindLabels = LEAF_KIND_LABELS;
  protected readonly priceConditions = LEAF_PRICE_CONDITIONS;
  protected readonly channelOps = CHANNEL_OPS;
  protected readonly opLabels = CHANNEL_OP_LABELS;
  protected readonly newLeaf = newLeaf;
  protected readonly errorAt = errorAt;
  protected readonly group = computed(() => {
    const t = this.tree();
    return isEditableTree(t) ? t : null;
  });
  private readonly matchers = new MatcherCache(() => this.errors());

  protected setGroupKind(kind: 'all' | 'any'): void {
    const g = this.group();
    if (g) this.tree.set({ kind, of: g.of });
  }

  protected replace(index: number, leaf: LeafNode): void {
    const g = this.group();
    if (g) this.tree.set({ kind: g.kind, of: g.of.map((l, i) => (i === index ? leaf : l)) });
  }

  protected patch(index: number, change: Record<string, unknown>): void {
    const leaf = this.group()?.of[index];
    if (leaf) this.replace(index, { ...leaf, ...change });
  }

  protected setNumber(index: number, key: string, value: number | null): void {
    this.patch(index, { [key]: value });
  }

  protected setPriceCondition(index: number, condition: (typeof LEAF_PRICE_CONDITIONS)[number]['condition']): void {
    const ruleType = LEAF_PRICE_CONDITIONS.find((c) => c.condition === condition)?.ruleType ?? 'threshold';
    this.patch(index, { condition, rule_type: ruleType });
  }

  protected setMoveKind(index: number, value: string): void {
    const [direction, unit] = value.split(' ');
    this.patch(index, { direction, unit });
  }

  protected withinKey(leaf: MoveNode): 'within_seconds' | 'within_bars' {
    return leaf.within_bars !== undefined ? 'within_bars' : 'within_seconds';
  }

  protected withinValue(leaf: MoveNode): number | null {
    return leaf.within_bars ?? leaf.within_seconds ?? null;
  }

  /** A move looks back in seconds or in bars, never both: the other key goes. */
  protected setWithinUnit(index: number, key: 'within_seconds' | 'within_bars'): void {
    const leaf = this.group()?.of[index];
    if (leaf?.kind !== 'move') return;
    const { within_seconds: _s, within_bars: _b, ...rest } = leaf;
    this.replace(index, { ...rest, [key]: this.withinValue(leaf) ?? undefined });
  }

  protected add(): void {
    const g = this.group();
    if (g) this.tree.set({ kind: g.kind, of: [...g.of, newLeaf('rule')] });
  }

  protected remove(index: number): void {
    const g = this.group();
    if (g) this.tree.set({ kind: g.kind, of: g.of.filter((_, i) => i !== index) });
  }

  protected error(index: number, field: string): string | null {
    return errorAt(this.errors(), `of.${index}.${field}`);
  }

  protected matcher(index: number, field: string): ServerErrorMatcher {
    return this.matchers.at(`of.${index}.${field}`);
  }
}
