import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '../common/repo-root';
import { renderConfigReference } from './config-reference';

describe('docs/configuration.md', () => {
  it('matches the schema and defaults (run `npm run docs:config` after changing them)', () => {
    const onDisk = readFileSync(join(findRepoRoot(), 'docs', 'configuration.md'), 'utf8');
    expect(onDisk).toBe(renderConfigReference());
  });

  it('never prints a secret default', () => {
    expect(renderConfigReference()).toMatch(/`DATABASE_URL` \| `database.url` \| \(secret, unset\)/);
  });
});
