import type { AbstractControl, FormGroupDirective, NgForm } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';

/** A 422's messages by dotted body path ('threshold', 'subject.period', 'quiet_hours.start', 'values.smtp_from'). */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/** The messages about a path itself, joined ('quiet_hours' but not 'quiet_hours.start'); null when the server said nothing about it. */
export function errorAt(errors: FieldErrors, path: string): string | null {
  return errors[path]?.join('; ') ?? null;
}

/** The messages at a path and below it, joined; null when the server named neither. */
export function fieldError(errors: FieldErrors, path: string): string | null {
  const messages = Object.entries(errors)
    .filter(([p]) => p === path || p.startsWith(`${path}.`))
    .flatMap(([, m]) => m);
  return messages.length > 0 ? messages.join('; ') : null;
}

/** The messages under one prefix, with the prefix taken off ('subject.period' → 'period', 'subject' → ''). */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: Record<string, readonly string[]> = {};
  for (const [path, messages] of Object.entries(errors)) {
    if (path === prefix) out[''] = messages;
    else if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = messages;
  }
  return out;
}

/** A field is in error while the server's last answer named it, or when it is invalid and touched (Material's own rule). */
export class ServerErrorMatcher implements ErrorStateMatcher {
  constructor(private readonly named: () => boolean) {}

  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    return this.named() || !!(control?.invalid && (control.touched || form?.submitted));
  }
}

/** One matcher per path, each watching the current error map. */
export function matchersFor<K extends string>(paths: readonly K[], errors: () => FieldErrors): Record<K, ErrorStateMatcher> {
  const matchers = {} as Record<K, ErrorStateMatcher>;
  for (const p of paths) matchers[p] = new ServerErrorMatcher(() => p in errors());
  return matchers;
}

/**
 * Matchers for paths known only at run time (list items, channel fields), one per path so change
 * detection sees the same object every time. `below`: the server naming a field under the path
 * ('quiet_hours.start' for 'quiet_hours') puts it in error too.
 */
export class MatcherCache {
  private readonly matchers = new Map<string, ServerErrorMatcher>();

  constructor(
    private readonly errors: () => FieldErrors,
    private readonly scope: 'exact' | 'below' = 'exact',
  ) {}

  at(path: string): ServerErrorMatcher {
    let m = this.matchers.get(path);
    if (!m) {
      const named = this.scope === 'exact' ? () => path in this.errors() : () => fieldError(this.errors(), path) !== null;
      this.matchers.set(path, (m = new ServerErrorMatcher(named)));
    }
    return m;
  }
}
