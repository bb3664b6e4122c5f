import type { ChannelSettings, ChannelSettingsUpdate } from '@tradeassist/shared-types';

export interface HeaderRow {
  name: string;
  value: string;
}

/** A channel's settings as its card edits them. */
export interface ChannelDraft {
  enabled: boolean;
  /** Editable fields by key; '' means the environment's value. */
  values: Record<string, string>;
  /** Null for channels without custom headers (all but the webhook). */
  headers: HeaderRow[] | null;
  /** '' means the built-in template. */
  template: string;
}

export function draftOf(settings: ChannelSettings): ChannelDraft {
  return {
    enabled: settings.enabled,
    values: Object.fromEntries(settings.fields.filter((f) => f.editable).map((f) => [f.key, f.value ?? ''])),
    headers: settings.headers && Object.entries(settings.headers).map(([name, value]) => ({ name, value })),
    template: settings.template ?? '',
  };
}

/** Rows with a name, as the API takes them (a row left without a name is dropped). */
export function headerRecord(rows: readonly HeaderRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((r) => r.name.trim() !== '').map((r) => [r.name.trim(), r.value]));
}

/** Only what differs from the saved settings, since the server changes only what it is given. */
export function changesOf(settings: ChannelSettings, draft: ChannelDraft): ChannelSettingsUpdate {
  const saved = draftOf(settings);
  const update: ChannelSettingsUpdate = {};
  if (draft.enabled !== saved.enabled) update.enabled = draft.enabled;
  const values = Object.fromEntries(Object.entries(draft.values).filter(([key, value]) => value !== saved.values[key]));
  if (Object.keys(values).length > 0) update.values = values;
  if (draft.headers && JSON.stringify(headerRecord(draft.headers)) !== JSON.stringify(settings.headers ?? {})) {
    update.headers = headerRecord(draft.headers);
  }
  const template = draft.template.trim() === '' ? null : draft.template;
  if (template !== settings.template) update.template = template;
  return update;
}
