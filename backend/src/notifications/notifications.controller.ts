import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationMetrics,
  type NotificationRecord,
  type ReplayRequest,
} from '@tradeassist/shared-types';
import { IdParamPipe } from '../common';
import { Requires } from '../access';
import { NotificationsService } from './notifications.service';

class ReplayDto implements ReplayRequest {
  @ApiPropertyOptional({ enum: NOTIFICATION_CHANNELS, description: 'Send to this channel instead (default: the same one)' })
  @IsOptional()
  @IsIn(NOTIFICATION_CHANNELS)
  channel?: NotificationChannel;
}

class NotificationRecordDto {
  @ApiProperty() id: number;
  @ApiProperty() alert_id: number;
  @ApiProperty({ enum: NOTIFICATION_CHANNELS }) channel: NotificationChannel;
  @ApiProperty() idempotency_key: string;
  @ApiProperty({ enum: ['pending', 'sending', 'sent', 'dead'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, nullable: true }) last_error: string | null;
  @ApiProperty({ type: Object, isArray: true, description: '[{at, ok, status_code, latency_ms, error}] per attempt' }) history: unknown[];
}

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

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
