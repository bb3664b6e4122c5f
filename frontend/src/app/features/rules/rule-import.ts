import type { ExportedRule } from '@tradeassist/shared-types';

/** One refused entry of an import: its place in the file (from 1, as people count), what it is, and why. */
export interface ImportProblem {
  entry: number;
  label: string;
  messages: string[];
}

/** Reads an export file (or a bare list of rules); the server checks each entry's fields. */
export function parseImportFile(text: string): ExportedRule[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('The file is not JSON');
  }
  const rules = Array.isArray(parsed) ? parsed : (parsed as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) throw new Error('The file has no "rules" list: choose a file made by Export');
  if (rules.length === 0) throw new Error('The file has no rules in it');
  return rules as ExportedRule[];
}

/** Groups 422 locations like 'rules.3.symbol' by entry; anything not about one entry is entry 0. */
export function importProblems(paths: Readonly<Record<string, readonly string[]>>, rules: readonly ExportedRule[]): ImportProblem[] {
  const byEntry = new Map<number, string[]>();
  for (const [path, messages] of Object.entries(paths)) {
    const m = /^rules\.(\d+)(?:\.(.+))?$/.exec(path);
    const index = m ? Number(m[1]) : -1;
    const field = m ? m[2] : path;
    const lines = byEntry.get(index) ?? [];
    lines.push(...messages.map((msg) => (field ? `${field}: ${msg}` : msg)));
    byEntry.set(index, lines);
  }
  return [...byEntry.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, messages]) => {
      const rule = rules[index];
      const label = index < 0 ? 'the file' : `${rule?.name ?? 'unnamed rule'}${rule?.symbol ? ` on ${rule.symbol}` : ''}`;
      return { entry: index + 1, label, messages };
    });
}
