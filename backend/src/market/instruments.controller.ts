import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Instrument, MessageResponse } from '@tradeassist/shared-types';
import { IdParamPipe } from '../common';
import { Requires } from '../access';
import { CreateInstrumentDto, InstrumentDto, InstrumentQueryDto, UpdateInstrumentDto } from './dto/instrument.dto';
import { InstrumentsService } from './instruments.service';

@ApiTags('instruments')
@Controller('instruments')
export class InstrumentsController {
  constructor(private readonly instruments: InstrumentsService) {}

  @Requires('viewer')
  @Get()
  @ApiOkResponse({ type: [InstrumentDto] })
  list(@Query() query: InstrumentQueryDto): Instrument[] {
    return this.instruments.list(query);
  }

  @Requires('viewer')
  @Get(':id')
  @ApiOkResponse({ type: InstrumentDto })
  get(@Param('id', IdParamPipe) id: number): Instrument {
    return this.instruments.get(id);
  }

  @Requires('trader')
  @Post()
  @ApiOkResponse({ type: InstrumentDto })
  create(@Body() dto: CreateInstrumentDto): Promise<Instrument> {
    return this.instruments.create(dto);
  }

  @Requires('trader')
  @Put(':id')
  @ApiOkResponse({ type: InstrumentDto })
  update(@Param('id', IdParamPipe) id: number, @Body() dto: UpdateInstrumentDto): Promise<Instrument> {
    return this.instruments.update(id, dto);
  }

  @Requires('trader')
  @Delete(':id')
  async remove(@Param('id', IdParamPipe) id: number): Promise<MessageResponse> {
    await this.instruments.remove(id);
    return { message: `Instrument ${id} deleted successfully` };
  }
}
