import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { RulePreview } from '@tradeassist/shared-types';
import { Requires } from '../access';
import { RulePreviewDto, RulePreviewResponseDto } from './dto/rule-preview.dto';
import { RulePreviewService } from './rule-preview.service';

@ApiTags('rules')
@Controller('rules/preview')
export class RulePreviewController {
  constructor(private readonly previews: RulePreviewService) {}

  @Requires('viewer')
  @Post()
  @HttpCode(200)
  @ApiOkResponse({
    type: RulePreviewResponseDto,
    description: "The rule's instrument's latest bars with the levels and indicator lines the rule compares",
  })
  preview(@Body() dto: RulePreviewDto): Promise<RulePreview> {
    return this.previews.preview(dto);
  }
}
