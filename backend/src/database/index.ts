export { DatabaseModule } from './database.module';
export { resolveDataDir, SQLITE_FILE } from './data-source-options';
export { epochMs } from './epoch-ms.transformer';
