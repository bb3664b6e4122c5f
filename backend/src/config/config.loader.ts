import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ZodError } from 'zod';
import { findRepoRoot } from '../common/repo-root';
import { configSchema, ENV_BINDINGS, type AppConfig } from './config.schema';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Tree = Record<string, Record<string, unknown>>;

// z.coerce.boolean() would read "false" as true; these are parsed here instead.
const BOOLEAN_ENVS = new Set(['REPLAY_LOOP', 'COOKIE_SECURE']);

export function defaultConfigFile(): string {
  return join(findRepoRoot(), 'config', 'tradeassist.yaml');
}

function readDefaults(file: string): Tree {
  if (!existsSync(file)) throw new ConfigError(`Configuration file ${file} is missing`);
  const parsed: unknown = parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new ConfigError(`${file} must hold a YAML mapping`);
  return parsed as Tree;
}

function describeIssue(issue: ZodError['issues'][number]): string {
  const path = issue.path.join('.');
  const binding = ENV_BINDINGS.find((b) => b.path.join('.') === path);
  // Name the setting and the rule, never the value: it may be a secret.
  const where = binding ? `${binding.env} (${path})` : path;
  return `${where}: ${issue.message}`;
}

/** Loads YAML defaults, overlays the environment and validates once; throws ConfigError naming every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, file = defaultConfigFile()): AppConfig {
  const tree = readDefaults(file);
  for (const binding of ENV_BINDINGS) {
    const value = env[binding.env];
    if (value === undefined || value === '') continue;
    const [section, key] = binding.path;
    tree[section] = { ...(tree[section] ?? {}), [key]: BOOLEAN_ENVS.has(binding.env) ? value === 'true' || value === '1' : value };
  }
  const result = configSchema.safeParse(tree);
  if (!result.success) {
    throw new ConfigError(`Invalid configuration:\n  ${result.error.issues.map(describeIssue).join('\n  ')}`);
  }
  return result.data;
}
