import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_STATUSES,
  type SystemEvent,
  type ChannelTestResult,
  type NotificationChannel,
  type NotificationMetrics,
  type NotificationRecord,
  type ReplayRequest,
} from '@tradeassist/shared-types';
import { IdParamPipe } from '../common';
import { CurrentPrincipal, Requires, type Principal } from '../access';
import { DispatcherService } from './dispatcher.service';
import { NotificationsService } from './notifications.service';
import { SystemEventsService } from './system/system-events.service';

class ReplayDto implements ReplayRequest {
  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS, description: 'Send to this channel instead (default: the same one)' })
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  channel?: NotificationChannel;
}

class TestSendDto {
  @ApiProperty({ enum: NOTIFICATION_CHANNELS })
  @IsIn(NOTIFICATION_CHANNELS)
  channel: NotificationChannel;
}

class NotificationRecordDto {
  @ApiProperty() id: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Null for a system alert' }) alert_id: number | null;
  @ApiProperty({ type: Number, nullable: true }) system_event_id: number | null;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel: NotificationChannel;
  @ApiProperty() idempotency_key: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status: string;
  @ApiProperty({ description: 'Delivered without push or ping (the recipient set the channel to silent)' }) silent: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Sent grouped with the other rows of this key in one digest message' })
  digest_key: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) last_error: string | null;
  @ApiProperty({ type: Object, isArray: true, description: '[{at, ok, status_code, latency_ms, error}] per attempt' }) history: unknown[];
}

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dispatcher: DispatcherService,
    private readonly systemEvents: SystemEventsService,
  ) {}

  @Requires('viewer')
  @Get('alerts/:id/deliveries')
  @ApiOkResponse({ type: [NotificationRecordDto], description: 'Every channel the alert went to, with each attempt' })
  deliveries(@Param('id', IdParamPipe) id: number): Promise<NotificationRecord[]> {
    return this.notifications.forAlert(id);
  }

  @Requires('viewer')
  @Get('metrics/notifications')
  @ApiOkResponse({
    description: 'Per channel: outbox rows by status; attempts, failures, success rate and p50/p95/p99 latency over the last 24 hours',
  })
  metrics(): Promise<NotificationMetrics> {
    return this.notifications.metrics();
  }

  @Requires('admin')
  @Post('notifications/test')
  @HttpCode(200)
  @ApiOkResponse({ description: "A sample alert sent through the channel now, to you: {ok, status_code, error}, the provider's answer" })
  async test(@Body() dto: TestSendDto, @CurrentPrincipal() me: Principal): Promise<ChannelTestResult> {
    const r = await this.dispatcher.testSend(dto.channel, me.userId);
    return { channel: dto.channel, ok: r.ok, status_code: r.statusCode, error: r.error };
  }

  @Requires('admin')
  @Get('notifications/system-events')
  @ApiOkResponse({ description: 'System alerts (feed down or back, a channel failing, storage low), newest first' })
  systemEventList(): Promise<SystemEvent[]> {
    return this.systemEvents.list();
  }

  @Requires('admin')
  @Get('notifications/dead-letter')
  @ApiOkResponse({ type: [NotificationRecordDto], description: 'Notifications that ran out of attempts or cannot be sent, newest first' })
  deadLetters(): Promise<NotificationRecord[]> {
    return this.notifications.deadLetters();
  }

  @Requires('admin')
  @Post('notifications/:id/replay')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationRecordDto })
  replay(@Param('id', IdParamPipe) id: number, @Body() dto: ReplayDto): Promise<NotificationRecord> {
    return this.notifications.replay(id, dto.channel);
  }
}
