export { APP_CONFIG, ConfigModule } from './config.module';
export { ConfigError, loadConfig } from './config.loader';
export { configSchema, ENV_BINDINGS, type AppConfig } from './config.schema';
