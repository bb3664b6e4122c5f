import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.loader';

describe('loadConfig', () => {
  it('loads the shipped defaults', () => {
    const config = loadConfig({});
    expect(config.server.port).toBe(3000);
    expect(config.feed.kind).toBe('simulated');
    expect(config.database.url).toBeUndefined();
  });

  it('lets environment variables override the YAML', () => {
    const config = loadConfig({ PORT: '8080', MARKET_FEED: 'none', REPLAY_LOOP: 'true', DATA_DIR: '/tmp/x' });
    expect(config.server.port).toBe(8080);
    expect(config.feed.kind).toBe('none');
    expect(config.feed.replay_loop).toBe(true);
    expect(config.database.data_dir).toBe('/tmp/x');
  });

  it('names the variable and the rule of every bad setting, never the value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '99999', MARKET_FEED: 'bogus', DATABASE_URL: 'mysql://user:hunter2@db/x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT (server.port)');
    expect(message).toContain('MARKET_FEED (feed.kind)');
    expect(message).toContain('DATABASE_URL (database.url): must be a postgres:// URL');
    expect(message).not.toContain('hunter2');
    expect(message).not.toContain('bogus');
  });

  it('refuses a missing or malformed file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    expect(() => loadConfig({}, join(dir, 'none.yaml'))).toThrow(/is missing/);
    writeFileSync(join(dir, 'bad.yaml'), 'just text');
    expect(() => loadConfig({}, join(dir, 'bad.yaml'))).toThrow(/must hold a YAML mapping/);
  });
});
