import { WinstonModule } from 'nest-winston';
import type { LoggerService } from '@nestjs/common';
import * as winston from 'winston';
import { currentCorrelationId } from './correlation';
import { redact } from './redact';

const addCorrelation = winston.format((info) => {
  const id = currentCorrelationId();
  if (id && info['correlation_id'] === undefined) info['correlation_id'] = id;
  return info;
});

const redactSecrets = winston.format((info) => {
  for (const key of Object.keys(info)) {
    if (key === 'level' || key === 'timestamp') continue;
    info[key] = redact(info[key]);
  }
  return info;
});

export function createWinston(level: string, stream?: NodeJS.WritableStream): winston.Logger {
  const format = winston.format.combine(winston.format.timestamp(), addCorrelation(), redactSecrets(), winston.format.json());
  const transport = stream
    ? new winston.transports.Stream({ stream, format })
    : new winston.transports.Console({ format, stderrLevels: ['error'] });
  return winston.createLogger({ level, transports: [transport] });
}

/** Nest's logger backed by winston JSON lines with correlation ids and redaction. */
export function createAppLogger(level: string, stream?: NodeJS.WritableStream): LoggerService {
  return WinstonModule.createLogger({ instance: createWinston(level, stream) });
}
