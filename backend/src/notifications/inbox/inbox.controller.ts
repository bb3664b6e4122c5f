import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { distinct, EMPTY, filter, from, fromEvent, interval, map, merge, mergeMap, type Observable } from 'rxjs';
import { INBOX_ACTIONS, type InboxAction, type InboxItem, type InboxPage } from '@tradeassist/shared-types';
import { CurrentPrincipal, Requires, type Principal } from '../../access';
import { AppException, IdParamPipe } from '../../common';
import { toBoolean, toNumber } from '../../common/transforms';
import { InboxService } from './inbox.service';

class InboxQueryDto {
  @ApiPropertyOptional({ description: 'Only entries after this id, oldest first (catch-up after a reconnect)' })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  after_id?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  include_archived?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

class InboxActionDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 10_080, description: 'For snooze: minutes (default 15)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_080)
  minutes?: number;
}

const HEARTBEAT_MS = 25_000;

/** The signed-in user's notification center. API keys have no inbox of their own: they act for their owner. */
@ApiTags('notifications')
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Requires('viewer')
  @Get()
  @ApiOkResponse({ description: '{items, unread}: newest first, or after after_id oldest first' })
  list(@CurrentPrincipal() me: Principal, @Query() q: InboxQueryDto): Promise<InboxPage> {
    return this.inbox.page(userOf(me), q.after_id ?? 0, q.include_archived ?? false, q.limit ?? 50);
  }

  /**
   * Server-Sent Events for clients that cannot hold a WebSocket: entries after after_id (or the
   * Last-Event-ID a reconnecting EventSource sends) first, then new ones as they come, no gap (the
   * live feed is subscribed before the catch-up query; an entry in both is sent once).
   */
  @Requires('viewer')
  @Sse('stream')
  stream(
    @CurrentPrincipal() me: Principal,
    @Query() q: InboxQueryDto,
    @Headers('last-event-id') lastEventId?: string,
  ): Observable<MessageEvent> {
    const userId = userOf(me);
    const afterId = q.after_id ?? (Number(lastEventId) || 0);
    const event = (item: InboxItem): MessageEvent => ({ id: String(item.id), type: 'notification', data: item });
    const live = fromEvent(this.inbox.events, 'added', (id: number, item: InboxItem) => [id, item] as const).pipe(
      filter(([id]) => id === userId),
      map(([, item]) => item),
    );
    const missed = afterId > 0 ? from(this.inbox.page(userId, afterId, true, 500)).pipe(mergeMap((p) => from(p.items))) : EMPTY;
    const heartbeat = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} })));
    return merge(
      merge(live, missed).pipe(
        distinct((item) => item.id),
        map(event),
      ),
      heartbeat,
    );
  }

  @Requires('viewer')
  @Post('read-all')
  @HttpCode(200)
  async readAll(@CurrentPrincipal() me: Principal): Promise<{ updated: number }> {
    return { updated: await this.inbox.readAll(userOf(me)) };
  }

  @Requires('viewer')
  @Post(':id/:action')
  @HttpCode(200)
  act(
    @CurrentPrincipal() me: Principal,
    @Param('id', IdParamPipe) id: number,
    @Param('action') action: string,
    @Body() body: InboxActionDto,
  ): Promise<InboxItem> {
    if (!(INBOX_ACTIONS as readonly string[]).includes(action)) {
      throw new AppException(404, 'UNKNOWN_ACTION', `Unknown action '${action}'; use one of: ${INBOX_ACTIONS.join(', ')}`);
    }
    return this.inbox.act(userOf(me), id, action as InboxAction, body.minutes);
  }
}

function userOf(me: Principal): number {
  if (me.userId === null) throw new AppException(403, 'NO_INBOX', 'This credential has no user, so no notification center');
  return me.userId;
}
