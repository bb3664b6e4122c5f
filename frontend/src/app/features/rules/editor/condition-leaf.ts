import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { CHANNEL_OPS, INDICATOR_KINDS } from '@tradeassist/shared-types';
import {
  CHANNEL_OP_LABELS,
  LEAF_CONDITIONS,
  LEAF_KIND_LABELS,
  leafNumbers,
  leafTakesAgainst,
  leafTakesSubject,
  newLeaf,
  pathLabel,
  withCondition,
  withinKey,
  withNumber,
  withOptional,
  withWithinUnit,
  type LeafKind,
  type LeafNode,
  type LeafNumber,
  type MoveLeaf,
  type RuleLeaf,
  type WithinKey,
} from './condition-tree';
import { CONDITION_LABELS } from '../rule-labels';
import { NumberField } from './number-field';
import { OperandField } from './operand-field';
import { OptionSelect } from './option-select';
import { errorAt, errorsUnder, type FieldErrors } from '../../../shared/field-errors';

const MOVES = ['up percent', 'down percent', 'up value', 'down value'] as const;
type Move = (typeof MOVES)[number];
const MOVE_LABELS: Readonly<Record<Move, string>> = {
  'up percent': 'up by %',
  'down percent': 'down by %',
  'up value': 'up by points',
  'down value': 'down by points',
};
const WITHIN_KEYS = ['within_seconds', 'within_bars'] as const;
const WITHIN_LABELS: Readonly<Record<WithinKey, string>> = { within_seconds: 'seconds', within_bars: 'bars' };

/** The fields each leaf kind shows; the server's messages about anything else are listed on the leaf. */
const SHOWN: Readonly<Record<LeafKind, readonly string[]>> = {
  rule: ['kind', 'rule_type', 'condition', 'threshold', 'time_window_seconds', 'subject', 'against'],
  channel: ['kind', 'op', 'lower', 'upper'],
  move: ['kind', 'direction', 'unit', 'by', 'within_seconds', 'within_bars'],
};

const PRICE_INDICATORS = INDICATOR_KINDS.filter((k) => k !== 'avg_volume');

/** One condition of a tree: a level or indicator comparison, a channel, or a move; its fields follow its kind. */
@Component({
  selector: 'ta-condition-leaf',
  imports: [NumberField, OperandField, OptionSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="leaf" role="group" [attr.aria-label]="'Condition ' + label()" [attr.data-testid]="'rule-tree-leaf-' + id()">
      <ta-option-select
        class="select"
        [label]="'Condition ' + label()"
        [values]="kinds"
        [labels]="kindLabels"
        [value]="leaf().kind"
        (valueChange)="changeKind($event)"
        [error]="error('kind')"
        [testid]="'rule-tree-leaf-kind-' + id()"
      />
      @if (rule(); as r) {
        @if (takesSubject(r.rule_type)) {
          <ta-operand-field
            class="operand"
            [class.wide]="!!r.subject"
            label="Compare"
            noneLabel="the price"
            [kinds]="priceIndicators"
            [value]="r.subject ?? null"
            (valueChange)="setOptional('subject', $event)"
            [errors]="subjectErrors()"
            [testid]="'rule-tree-subject-' + id()"
          />
        }
        <ta-option-select
          class="select when"
          label="When"
          [values]="conditions"
          [labels]="conditionLabels"
          [value]="r.condition"
          (valueChange)="leaf.set(withCondition(r, $event))"
          [error]="error('condition') ?? error('rule_type')"
          [testid]="'rule-tree-condition-' + id()"
        />
        @if (takesAgainst(r.rule_type)) {
          <ta-operand-field
            class="operand"
            [class.wide]="!!r.against"
            label="With"
            [noneLabel]="r.rule_type === 'volume_spike' ? 'the volume level' : 'the level'"
            [kinds]="r.rule_type === 'volume_spike' ? volumeIndicators : priceIndicators"
            [value]="r.against ?? null"
            (valueChange)="setOptional('against', $event)"
            [errors]="againstErrors()"
            [testid]="'rule-tree-against-' + id()"
          />
        }
      }
      @if (channel(); as c) {
        <ta-option-select
          class="select"
          label="Price"
          [values]="channelOps"
          [labels]="opLabels"
          [value]="c.op"
          (valueChange)="leaf.set({ kind: 'channel', op: $event, lower: c.lower, upper: c.upper })"
          [error]="error('op')"
          [testid]="'rule-tree-op-' + id()"
        />
      }
      @if (move(); as m) {
        <ta-option-select
          class="select"
          label="Price moves"
          [values]="moves"
          [labels]="moveLabels"
          [value]="moveValue(m)"
          (valueChange)="setMove(m, $event)"
          [error]="error('direction') ?? error('unit')"
          [testid]="'rule-tree-move-' + id()"
        />
      }
      @for (n of numbers(); track n.key) {
        <ta-number-field
          class="number"
          [label]="n.label"
          [step]="n.step"
          [value]="n.value"
          (valueChange)="leaf.set(withNumber(leaf(), n.key, $event))"
          [error]="error(n.key)"
          [testid]="'rule-tree-' + n.key + '-' + id()"
        />
      }
      @if (move(); as m) {
        <ta-option-select
          class="unit"
          label="Unit"
          [values]="withinKeys"
          [labels]="withinLabels"
          [value]="withinKey(m)"
          (valueChange)="leaf.set(withWithinUnit(m, $event))"
          [testid]="'rule-tree-within-unit-' + id()"
        />
      }
      @for (m of nodeMessages(); track $index) {
        <p class="error" role="alert" [attr.data-testid]="'rule-tree-error-' + id()">{{ m }}</p>
      }
    </div>
  `,
  styles: `
    .leaf {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 12px;
      /* Room for a two-line server message under the narrow number fields. */
      padding-bottom: 12px;
    }
    /* Narrow enough that a plain level condition fits on one line even three groups deep; min-width lets form fields shrink. */
    .select,
    .operand {
      flex: 0 1 170px;
      min-width: 0;
    }
    .when {
      flex-basis: 200px;
    }
    .operand.wide {
      flex: 1 1 320px;
    }
    .number {
      flex: 0 1 120px;
      min-width: 0;
    }
    .unit {
      flex: 0 1 110px;
      min-width: 0;
    }
    .error {
      flex-basis: 100%;
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ConditionLeaf {
  readonly leaf = model.required<LeafNode>();
  /** Where it sits: child indexes from the root, which name its test ids and its label ("2.1"). */
  readonly path = input.required<readonly number[]>();
  /** The server's messages under this node ('' for the node itself, 'threshold', 'subject.period', ...). */
  readonly errors = input<FieldErrors>({});

  protected readonly kinds = Object.keys(LEAF_KIND_LABELS) as LeafKind[];
  protected readonly kindLabels = LEAF_KIND_LABELS;
  protected readonly conditions = LEAF_CONDITIONS.map((c) => c.condition);
  protected readonly conditionLabels = CONDITION_LABELS;
  protected readonly channelOps = CHANNEL_OPS;
  protected readonly opLabels = CHANNEL_OP_LABELS;
  protected readonly moves = MOVES;
  protected readonly moveLabels = MOVE_LABELS;
  protected readonly withinKeys = WITHIN_KEYS;
  protected readonly withinLabels = WITHIN_LABELS;
  protected readonly priceIndicators = PRICE_INDICATORS;
  protected readonly volumeIndicators = ['avg_volume'] as const;
  protected readonly takesSubject = leafTakesSubject;
  protected readonly takesAgainst = leafTakesAgainst;
  protected readonly withinKey = withinKey;
  protected readonly withCondition = withCondition;
  protected readonly withNumber = withNumber;
  protected readonly withWithinUnit = withWithinUnit;

  protected readonly id = computed(() => this.path().join('-'));
  protected readonly label = computed(() => pathLabel(this.path()));
  protected readonly rule = computed(() => narrow(this.leaf(), 'rule'));
  protected readonly channel = computed(() => narrow(this.leaf(), 'channel'));
  protected readonly move = computed(() => narrow(this.leaf(), 'move'));
  protected readonly numbers = computed<LeafNumber[]>(() => leafNumbers(this.leaf()));
  protected readonly subjectErrors = computed(() => errorsUnder(this.errors(), 'subject'));
  protected readonly againstErrors = computed(() => errorsUnder(this.errors(), 'against'));
  /** What the server said about the node itself, or about a field this kind shows no input for. */
  protected readonly nodeMessages = computed(() => {
    const shown = SHOWN[this.leaf().kind];
    return Object.entries(this.errors())
      .filter(([path]) => !shown.includes(path.split('.')[0] ?? ''))
      .map(([path, messages]) => (path === '' ? messages.join('; ') : `${path}: ${messages.join('; ')}`));
  });

  protected changeKind(kind: LeafKind): void {
    if (kind !== this.leaf().kind) this.leaf.set(newLeaf(kind));
  }

  /** Operands: "the price" / "the level" leaves the key out. */
  protected setOptional(key: 'subject' | 'against', value: RuleLeaf['subject']): void {
    this.leaf.set(withOptional(this.leaf(), key, value));
  }

  protected moveValue(leaf: MoveLeaf): Move {
    return `${leaf.direction} ${leaf.unit}`;
  }

  protected setMove(leaf: MoveLeaf, value: Move): void {
    const [direction, unit] = value.split(' ') as [MoveLeaf['direction'], MoveLeaf['unit']];
    this.leaf.set({ ...leaf, direction, unit });
  }

  protected error(field: string): string | null {
    return errorAt(this.errors(), field);
  }
}

function narrow<K extends LeafKind>(leaf: LeafNode, kind: K): Extract<LeafNode, { kind: K }> | null {
  return leaf.kind === kind ? (leaf as Extract<LeafNode, { kind: K }>) : null;
}
