import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BarEntity } from './entities/bar.entity';
import { InstrumentEntity } from './entities/instrument.entity';
import { TickEntity } from './entities/tick.entity';
import { InstrumentsController } from './instruments.controller';
import { InstrumentsService } from './instruments.service';
import { MarketDataService } from './market-data.service';
import { TickHistory } from './tick-history';

@Module({
  imports: [TypeOrmModule.forFeature([InstrumentEntity, TickEntity, BarEntity])],
  controllers: [InstrumentsController],
  providers: [InstrumentsService, MarketDataService, TickHistory],
  exports: [InstrumentsService, MarketDataService, TickHistory],
})
export class MarketModule {}
