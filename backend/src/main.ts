import 'reflect-metadata';
import { createApp } from './app-setup';
import { ConfigError, loadConfig } from './config';
import { createWinston } from './logging';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.server.port, config.server.host);
  createWinston(config.logging.level).info({
    message: `TradeAssist listening on http://${config.server.host}:${config.server.port} (feed: ${config.feed.kind}, database: ${config.database.url ? 'postgres' : 'sqlite'})`,
  });
}

void main();
