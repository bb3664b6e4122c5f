import type { ErrorStateMatcher } from '@angular/material/core';

/** A 422's messages by dotted body path ('quiet_hours.start', 'channels.slack.mode', 'values.smtp_from'). */
export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/** The messages at a path and below it, joined; null when the server named neither. */
export function fieldError(errors: FieldErrors, path: string): string | null {
  const messages = Object.entries(errors)
    .filter(([p]) => p === path || p.startsWith(`${path}.`))
    .flatMap(([, m]) => m);
  return messages.length > 0 ? messages.join('; ') : null;
}

/** Material error states driven by the server: a field is in error while its last answer names the field's path. */
export class FieldErrorMatchers {
  /** One matcher per path, so change detection sees the same object every time. */
  private readonly cache = new Map<string, ErrorStateMatcher>();

  constructor(private readonly errors: () => FieldErrors) {}

  at(path: string): ErrorStateMatcher {
    let matcher = this.cache.get(path);
    if (!matcher) {
      matcher = { isErrorState: () => fieldError(this.errors(), path) !== null };
      this.cache.set(path, matcher);
    }
    return matcher;
  }
}

/** The messages about a path itself, not its fields ('quiet_hours' but not 'quiet_hours.start'). */
export function exactError(errors: FieldErrors, path: string): string | null {
  return errors[path]?.join('; ') ?? null;
}
