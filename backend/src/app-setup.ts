import type { LoggerService } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';
import { AllExceptionsFilter, AppValidationPipe, collectRoutes, findRepoRoot, jsonBodyParser, type RouteEntry } from './common';
import type { AppConfig } from './config';
import { correlationMiddleware, createAppLogger } from './logging';
import { configureRealtime } from './realtime';
import { APP_VERSION } from './version';

export const API_PREFIX = 'api';
const NON_SPA_PREFIXES = ['/api', '/ws', '/metrics'];

export function frontendDist(): string {
  return join(findRepoRoot(), 'frontend', 'dist', 'browser');
}

function serveConsole(app: NestExpressApplication): void {
  const dist = frontendDist();
  if (!existsSync(join(dist, 'index.html'))) return;
  app.useStaticAssets(dist, { index: false, maxAge: '1h' });
  // Client-side routes (/rules, /instruments…) get the console's index.html; API paths keep their 404s.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || NON_SPA_PREFIXES.some((p) => req.path.startsWith(p)) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dist, 'index.html'));
  });
}

function setupOpenApi(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('TradeAssist API')
      .setDescription('Real-time trading alerts: instruments, market data ingest, alert rules, alert history, health.')
      .setVersion(APP_VERSION)
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
}

/** Builds the whole application (used by main.ts and by the integration tests alike). */
export async function createApp(
  config: AppConfig,
  logger: LoggerService = createAppLogger(config.logging.level),
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger, bodyParser: false });
  app.use(correlationMiddleware);
  app.use(jsonBodyParser(config.server.body_limit));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new AppValidationPipe());
  let routes: RouteEntry[] = [];
  app.useGlobalFilters(new AllExceptionsFilter(() => routes));
  configureRealtime(app);
  serveConsole(app);
  setupOpenApi(app);
  app.enableShutdownHooks();
  await app.init();
  routes = collectRoutes(app.get(DiscoveryService), app.get(MetadataScanner), API_PREFIX);
  return app;
}
