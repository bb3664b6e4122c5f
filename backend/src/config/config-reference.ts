import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { defaultConfigFile } from './config.loader';
import { ENV_BINDINGS } from './config.schema';

/** docs/configuration.md, generated from the same bindings and defaults the loader uses. */
export function renderConfigReference(file = defaultConfigFile()): string {
  const defaults = parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
  const rows = ENV_BINDINGS.map((b) => {
    const [section, key] = b.path;
    const value = defaults[section]?.[key];
    const shown = b.secret
      ? '(secret, unset)'
      : value === undefined
        ? '(unset)'
        : value === ''
          ? '(empty)'
          : `\`${JSON.stringify(value).replace(/^"|"$/g, '')}\``;
    return `| \`${b.env}\` | \`${section}.${key}\` | ${shown} | ${b.description} |`;
  });
  return [
    '# Configuration reference',
    '',
    '<!-- Generated from backend/src/config/config.schema.ts and config/tradeassist.yaml by',
    '     `npm run docs:config`; a test fails when this file drifts from them. -->',
    '',
    'Defaults live in `config/tradeassist.yaml`; an environment variable overrides its setting.',
    'Everything is validated once at boot: a bad value stops the process with the variable’s name and',
    'the rule it broke (never the value, which may be a secret).',
    '',
    '| variable | setting | default | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
