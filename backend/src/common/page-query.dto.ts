import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ALERT_PAGE } from '@tradeassist/shared-types';
import { toNumber } from './transforms';

/** limit/offset paging shared by list endpoints; each service applies its own default limit. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: ALERT_PAGE.maxLimit })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(ALERT_PAGE.maxLimit)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  offset?: number;
}
