/** A copy of the list with one item changed: how an editor of rows reports an edit. */
export function patchAt<T extends object>(items: readonly T[], index: number, change: Partial<T>): T[] {
  return items.map((item, i) => (i === index ? { ...item, ...change } : item));
}
