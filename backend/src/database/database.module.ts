import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { dataSourceOptions } from './data-source-options';

/** One connection for the app; each module registers its own entities with autoLoadEntities. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config, []), autoLoadEntities: true }),
    }),
  ],
})
export class DatabaseModule {}
