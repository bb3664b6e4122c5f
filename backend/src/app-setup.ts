import type { LoggerService } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';
import { Authenticator } from './auth';
import { AllExceptionsFilter, AppValidationPipe, collectRoutes, findRepoRoot, jsonBodyParser, type RouteEntry } from './common';
import type { AppConfig } from './config';
import { correlationMiddleware, createAppLogger } from './logging';
import { configureRealtime } from './realtime';
import { APP_VERSION } from './version';

export const API_PREFIX = 'api';
const NON_SPA_PREFIXES = ['/api', '/ws', '/metrics'];

// Everything the console and Swagger UI load comes from this origin; the socket is same-origin ws(s).
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
};

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
      // "Authorize" in Swagger UI takes either an API key or a bearer token; both work on every route.
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (ta_…) or an access token' }, 'bearer')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('api-key')
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
  app.use(helmet({ contentSecurityPolicy: { directives: CONTENT_SECURITY_POLICY } }));
  app.use(cookieParser());
  app.use(jsonBodyParser(config.server.body_limit));
  const origins = config.security.cors_origins.split(',').filter(Boolean);
  // Closed unless configured: the console is served from the API's own origin.
  if (origins.length > 0) app.enableCors({ origin: origins, credentials: true });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new AppValidationPipe());
  let routes: RouteEntry[] = [];
  app.useGlobalFilters(new AllExceptionsFilter(() => routes));
  const authenticator = app.get(Authenticator);
  configureRealtime(app, async (req) => (await authenticator.fromHeaders(req.headers))?.principal ?? null);
  serveConsole(app);
  setupOpenApi(app);
  app.enableShutdownHooks();
  await app.init();
  routes = collectRoutes(app.get(DiscoveryService), app.get(MetadataScanner), API_PREFIX);
  return app;
}
