import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { CONDITION_TREE_LIMITS, type ConditionNode } from '@tradeassist/shared-types';
import { ConditionGroup } from './condition-group';
import { countNodes, isGroup, newTree, treeDepth, type GroupNode } from './condition-tree';
import type { FieldErrors } from '../../../shared/field-errors';

/** A multi-condition rule's tree: nested all/any groups of level, indicator, channel and move conditions, within the server's limits. */
@Component({
  selector: 'ta-condition-tree-fields',
  imports: [ConditionGroup],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ta-condition-group [node]="root()" (nodeChange)="tree.set($event)" [errors]="rootErrors()" [room]="room()" />
    <p class="size" [class.full]="room() < 1" data-testid="rule-tree-size">
      {{ nodes() }} of {{ limits.maxNodes }} conditions (groups count too), {{ depth() }} of {{ limits.maxDepth }} levels.
      @if (room() < 1) {
        The tree is full: remove a condition to add another.
      }
    </p>
  `,
  styles: `
    .size {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .size.full {
      color: var(--mat-sys-error);
    }
  `,
})
export class ConditionTreeFields {
  readonly tree = model.required<ConditionNode | null>();
  /** The server's messages under 'conditions' ('' for the tree, 'of.1.of.0.threshold', ...). */
  readonly errors = input<FieldErrors>({});

  protected readonly limits = CONDITION_TREE_LIMITS;
  /**
   * The API also takes a lone condition as the tree; it shows as the one condition of an all-group
   * (the same thing), and is sent as such only once edited.
   */
  private readonly wrapped = computed(() => {
    const t = this.tree();
    return t !== null && !isGroup(t);
  });
  protected readonly root = computed<GroupNode>(() => {
    const t = this.tree() ?? newTree();
    return isGroup(t) ? t : { kind: 'all', of: [t] };
  });
  protected readonly nodes = computed(() => countNodes(this.root()));
  protected readonly depth = computed(() => treeDepth(this.root()));
  protected readonly room = computed(() => CONDITION_TREE_LIMITS.maxNodes - this.nodes());
  /** A lone condition's messages are about what shows as the root's first child. */
  protected readonly rootErrors = computed<FieldErrors>(() => {
    const errors = this.errors();
    if (!this.wrapped()) return errors;
    return Object.fromEntries(Object.entries(errors).map(([path, messages]) => [path === '' ? 'of.0' : `of.0.${path}`, messages]));
  });
}
