import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The repository root (the folder holding config/ and the workspace package.json), from source or from dist. */
export function findRepoRoot(start = __dirname): string {
  if (cached) return cached;
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'config')) && existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'backend'))) {
      cached = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the TradeAssist root above ${start}`);
    dir = parent;
  }
}
