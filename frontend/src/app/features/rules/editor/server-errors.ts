import type { AbstractControl, FormGroupDirective, NgForm } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';

/** 422 messages by their dotted body path ('threshold', 'subject.period', 'rearm.by'). */
export type ErrorPaths = Readonly<Record<string, readonly string[]>>;

/** A field is in error while the server's last answer named it, or when it is invalid and touched. */
export class ServerErrorMatcher implements ErrorStateMatcher {
  constructor(private readonly named: () => boolean) {}

  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    return this.named() || !!(control?.invalid && (control.touched || form?.submitted));
  }
}

/** The server's messages for one path, joined; null when it said nothing about it. */
export function errorAt(errors: ErrorPaths, path: string): string | null {
  return errors[path]?.join('; ') ?? null;
}

/** One matcher per path, each watching the current error map. */
export function matchersFor<K extends string>(paths: readonly K[], errors: () => ErrorPaths): Record<K, ErrorStateMatcher> {
  const matchers = {} as Record<K, ErrorStateMatcher>;
  for (const p of paths) matchers[p] = new ServerErrorMatcher(() => p in errors());
  return matchers;
}

/** Matchers for paths known only at run time (list items), one per path so change detection sees the same object. */
export class MatcherCache {
  private readonly matchers = new Map<string, ServerErrorMatcher>();

  constructor(private readonly errors: () => ErrorPaths) {}

  at(path: string): ServerErrorMatcher {
    let m = this.matchers.get(path);
    if (!m) this.matchers.set(path, (m = new ServerErrorMatcher(() => path in this.errors())));
    return m;
  }
}

/** The messages under one prefix, with the prefix taken off ('subject.period' → 'period', 'subject' → ''). */
export function errorsUnder(errors: ErrorPaths, prefix: string): ErrorPaths {
  const out: Record<string, readonly string[]> = {};
  for (const [path, messages] of Object.entries(errors)) {
    if (path === prefix) out[''] = messages;
    else if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = messages;
  }
  return out;
}
