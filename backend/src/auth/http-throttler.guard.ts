import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * Rate limits HTTP only. As a global guard the throttler also runs on WebSocket messages, where
 * it reads the message payload as the "response" and throws on a frame without data (ping), which
 * the ws adapter swallows: the client would never get its pong.
 */
@Injectable()
export class HttpThrottlerGuard extends ThrottlerGuard {
  override canActivate(context: ExecutionContext): Promise<boolean> {
    return context.getType() === 'http' ? super.canActivate(context) : Promise.resolve(true);
  }
}
