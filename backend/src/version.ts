import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from './common/repo-root';

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(findRepoRoot(), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const APP_VERSION = readVersion();
