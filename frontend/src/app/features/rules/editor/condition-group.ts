import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { CONDITION_TREE_LIMITS, type ConditionNode } from '@tradeassist/shared-types';
import { ConditionLeaf } from './condition-leaf';
import { canNestAt, isGroup, newGroup, newLeaf, pathLabel, type GroupNode } from './condition-tree';
import { OptionSelect } from './option-select';
import { errorAt, errorsUnder, type FieldErrors } from '../../../shared/field-errors';

const GROUP_KINDS = ['all', 'any'] as const;
const GROUP_KIND_LABELS: Readonly<Record<GroupNode['kind'], string>> = {
  all: 'all of these hold (AND)',
  any: 'any of these holds (OR)',
};

/**
 * An all/any group and its children, each a condition or a group drawn by this same component:
 * every level edits its own node and hands the new one up, so the root gets a whole new tree.
 */
@Component({
  selector: 'ta-condition-group',
  imports: [MatButtonModule, MatIconModule, ConditionLeaf, OptionSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="group"
      [class.root]="isRoot()"
      [class.any]="node().kind === 'any'"
      role="group"
      [attr.aria-label]="isRoot() ? 'Condition tree' : 'Group ' + label()"
      [attr.data-testid]="'rule-tree-group' + suffix()"
    >
      <div class="head">
        <ta-option-select
          class="kind"
          [label]="isRoot() ? 'Fire when' : 'Group ' + label()"
          [values]="kinds"
          [labels]="kindLabels"
          [value]="node().kind"
          (valueChange)="setKind($event)"
          [testid]="'rule-tree-kind' + suffix()"
        />
      </div>
      @if (message(); as e) {
        <p class="error" role="alert" [attr.data-testid]="'rule-tree-error' + suffix()">{{ e }}</p>
      }
      @for (c of children(); track $index; let i = $index) {
        <div class="child">
          @if (c.group; as g) {
            <ta-condition-group [node]="g" (nodeChange)="setChild(i, $event)" [path]="c.path" [errors]="c.errors" [room]="room()" />
          } @else if (c.leaf; as l) {
            <ta-condition-leaf [leaf]="l" (leafChange)="setChild(i, $event)" [path]="c.path" [errors]="c.errors" />
          }
          <!-- The group removes its children, the only one excepted: a group needs one. -->
          <button
            mat-icon-button
            type="button"
            class="remove"
            (click)="removeChild(i)"
            [disabled]="children().length === 1"
            [attr.aria-label]="'Remove ' + (c.group ? 'group ' : 'condition ') + c.label"
            [attr.data-testid]="'rule-tree-remove-' + c.id"
          >
            <mat-icon>{{ c.group ? 'delete_sweep' : 'delete' }}</mat-icon>
          </button>
        </div>
      }
      <div class="actions">
        <button mat-button type="button" (click)="addCondition()" [disabled]="room() < 1" [attr.data-testid]="'rule-tree-add' + suffix()">
          <mat-icon>add</mat-icon>Add condition
        </button>
        <button
          mat-button
          type="button"
          (click)="addGroup()"
          [disabled]="!canAddGroup()"
          [attr.aria-describedby]="nestHint() ? hintId() : null"
          [attr.data-testid]="'rule-tree-add-group' + suffix()"
        >
          <mat-icon>account_tree</mat-icon>Add group
        </button>
        @if (nestHint(); as h) {
          <span class="hint" [id]="hintId()" [attr.data-testid]="'rule-tree-nest-hint' + suffix()">{{ h }}</span>
        }
      </div>
    </section>
  `,
  styles: `
    .group:not(.root) {
      margin: 4px 0 12px;
      padding: 8px 0 4px 16px;
      border-left: 3px solid var(--mat-sys-primary);
      border-radius: 4px;
      background: color-mix(in srgb, var(--mat-sys-primary) 5%, transparent);
    }
    .group.any:not(.root) {
      border-left-color: var(--mat-sys-tertiary);
      background: color-mix(in srgb, var(--mat-sys-tertiary) 5%, transparent);
    }
    .head {
      display: flex;
      align-items: baseline;
      gap: 12px;
    }
    .kind {
      flex: 0 1 260px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .hint {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      margin: 0 0 8px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .child {
      display: flex;
      align-items: flex-start;
      gap: 8px;
    }
    .child > :first-child {
      flex: 1 1 auto;
      min-width: 0;
    }
    .remove {
      margin-top: 4px;
    }
  `,
})
export class ConditionGroup {
  readonly node = model.required<GroupNode>();
  /** Child indexes from the root; empty for the root itself. */
  readonly path = input<readonly number[]>([]);
  /** The server's messages under this group ('' for the group itself, 'of', 'of.0.threshold', ...). */
  readonly errors = input<FieldErrors>({});
  /** How many more nodes the whole tree may take. */
  readonly room = input.required<number>();

  protected readonly kinds = GROUP_KINDS;
  protected readonly kindLabels = GROUP_KIND_LABELS;
  protected readonly isRoot = computed(() => this.path().length === 0);
  /** '' for the root, '-1-0' below it: the root keeps the test ids the flat editor had. */
  protected readonly suffix = computed(() =>
    this.path()
      .map((i) => `-${i}`)
      .join(''),
  );
  protected readonly label = computed(() => pathLabel(this.path()));
  protected readonly canNest = computed(() => canNestAt(this.path().length + 1));
  /** A sub-group comes with its first condition: two nodes. */
  protected readonly canAddGroup = computed(() => this.canNest() && this.room() >= 2);
  protected readonly nestHint = computed(() =>
    this.canNest() ? null : `Groups nest ${CONDITION_TREE_LIMITS.maxDepth} levels deep at most: add conditions here instead.`,
  );
  protected readonly hintId = computed(() => `rule-tree-nest-hint${this.suffix()}`);
  /** Each child with what its component needs, narrowed to a group or a leaf. */
  protected readonly children = computed(() =>
    this.node().of.map((child, i) => ({
      group: isGroup(child) ? child : null,
      leaf: isGroup(child) ? null : child,
      path: [...this.path(), i],
      id: [...this.path(), i].join('-'),
      label: pathLabel([...this.path(), i]),
      errors: errorsUnder(this.errors(), `of.${i}`),
    })),
  );
  /** What the server said about the group itself, its kind or its list (e.g. the tree's size, a group too deep). */
  protected readonly message = computed(() => errorAt(this.errors(), '') ?? errorAt(this.errors(), 'of') ?? errorAt(this.errors(), 'kind'));

  protected setKind(kind: GroupNode['kind']): void {
    this.node.set({ kind, of: this.node().of });
  }

  protected setChild(index: number, child: ConditionNode): void {
    const { kind, of } = this.node();
    this.node.set({ kind, of: of.map((c, i) => (i === index ? child : c)) });
  }

  protected removeChild(index: number): void {
    const { kind, of } = this.node();
    this.node.set({ kind, of: of.filter((_, i) => i !== index) });
  }

  protected addCondition(): void {
    this.append(newLeaf('rule'));
  }

  /** The other junction than this group's, since a sub-group of the same one would change nothing. */
  protected addGroup(): void {
    this.append(newGroup(this.node().kind === 'all' ? 'any' : 'all'));
  }

  private append(child: ConditionNode): void {
    const { kind, of } = this.node();
    this.node.set({ kind, of: [...of, child] });
  }
}
