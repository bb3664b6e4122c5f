import type { Request } from 'express';
import type { ClientInfo } from './sessions.service';

export function clientInfo(req: Request): ClientInfo {
  return { ip: req.ip ?? null, userAgent: req.header('user-agent') ?? null };
}
