import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { BacktestJob } from '@tradeassist/shared-types';
import { CurrentPrincipal, Requires, type Principal } from '../access';
import { BacktestService } from './backtest.service';
import { BacktestJobDto, BacktestRequestDto } from './dto/backtest.dto';

@ApiTags('rules')
@Controller('rules/backtest')
export class BacktestController {
  constructor(private readonly backtests: BacktestService) {}

  @Requires('trader')
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: BacktestJobDto, description: 'Started; poll GET /api/rules/backtest/{id} for progress and the result' })
  start(@Body() dto: BacktestRequestDto, @CurrentPrincipal() actor: Principal): Promise<BacktestJob> {
    return this.backtests.start(dto, actor);
  }

  @Requires('trader')
  @Get(':id')
  @ApiOkResponse({ type: BacktestJobDto })
  get(@Param('id') id: string, @CurrentPrincipal() actor: Principal): BacktestJob {
    return this.backtests.get(id, actor);
  }

  @Requires('trader')
  @Delete(':id')
  @ApiOkResponse({ type: BacktestJobDto, description: 'Cancelled; the result holds what was found until then' })
  cancel(@Param('id') id: string, @CurrentPrincipal() actor: Principal): BacktestJob {
    return this.backtests.cancel(id, actor);
  }
}
