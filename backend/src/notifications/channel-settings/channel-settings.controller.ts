import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, ValidateIf } from 'class-validator';
import type { ChannelSettings, ChannelSettingsUpdate, TemplatePreview, ValidationErrorItem } from '@tradeassist/shared-types';
import { Requires } from '../../access';
import { NotFoundError, ValidationFailedError } from '../../common';
import { DispatcherService } from '../dispatcher.service';
import { MessageComposer } from '../message/message-composer';
import { TEMPLATE_VARIABLES, templateProblem } from '../message/channel-template';
import { sampleAlert, sampleContext } from '../message/sample-alert';
import { isOutboxChannel, OUTBOX_CHANNELS, type OutboxChannel } from './channel-fields';
import { ChannelSettingsService } from './channel-settings.service';

class ChannelSettingsUpdateDto implements ChannelSettingsUpdate {
  @ApiPropertyOptional({ description: 'Switch the channel on or off (its notifications go to the dead-letter list while off)' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    type: Object,
    example: { slack_channel: '#alerts' },
    description: 'Non-secret settings by key; "" restores the environment value',
  })
  @IsOptional()
  @IsObject()
  values?: Record<string, string>;

  @ApiPropertyOptional({ type: Object, nullable: true, example: { 'X-Team': 'desk-7' }, description: 'Webhook only: custom headers' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsObject()
  headers?: Record<string, string> | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '{{symbol}} {{message}} (rule {{rule_name}})',
    description: `Handlebars, strict; variables: ${TEMPLATE_VARIABLES.join(', ')}`,
  })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  template?: string | null;
}

class TemplatePreviewDto {
  @ApiPropertyOptional({ example: '{{symbol}} crossed {{threshold}}' })
  @IsString()
  template: string;
}

function outboxChannel(channel: string): OutboxChannel {
  if (!isOutboxChannel(channel))
    throw new NotFoundError('CHANNEL_NOT_FOUND', `No channel "${channel}"; channels with settings: ${OUTBOX_CHANNELS.join(', ')}`);
  return channel;
}

/** Administrators' view of the sending channels: what is configured, switches, message templates. */
@ApiTags('notifications')
@Controller('notifications/channels')
export class ChannelSettingsController {
  constructor(
    private readonly settings: ChannelSettingsService,
    private readonly dispatcher: DispatcherService,
    private readonly composer: MessageComposer,
  ) {}

  @Requires('admin')
  @Get()
  @ApiOkResponse({ description: 'Every sending channel: enabled, why it cannot send, its settings (secrets only as set or not), template' })
  list(): ChannelSettings[] {
    return this.settings.list((c) => this.dispatcher.unavailable(c));
  }

  @Requires('admin')
  @Put(':channel')
  @ApiOkResponse({ description: 'The channel as it stands after the change' })
  async update(@Param('channel') channel: string, @Body() dto: ChannelSettingsUpdateDto): Promise<ChannelSettings> {
    const c = outboxChannel(channel);
    await this.settings.update(c, dto);
    return this.list().find((s) => s.channel === c) as ChannelSettings;
  }

  @Requires('admin')
  @Post(':channel/preview')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The template rendered for a sample alert, as the channel would send it' })
  preview(@Param('channel') channel: string, @Body() dto: TemplatePreviewDto): TemplatePreview {
    const c = outboxChannel(channel);
    const problem = templateProblem(dto.template, sampleContext());
    if (problem)
      throw new ValidationFailedError([{ loc: ['body', 'template'], msg: problem, type: 'value' } satisfies ValidationErrorItem]);
    return { text: this.composer.alert(sampleAlert(), 'normal', c, null, dto.template).text };
  }
}
