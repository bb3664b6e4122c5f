import { Controller, Get, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Requires } from '../access';
import { PageQueryDto } from '../common';
import { AuditService, type AuditEntryDto } from './audit.service';
import type { ChainVerdict } from './hash-chain';

class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'auth.login' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actor?: string;
}

@ApiTags('audit')
@Controller('audit')
@Requires('admin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query() query: AuditQueryDto): Promise<{ entries: AuditEntryDto[]; total: number }> {
    return this.audit.list(query);
  }

  /** Walks the hash chain and reports the first broken link, if any. */
  @Get('verify')
  verify(): Promise<ChainVerdict> {
    return this.audit.verify();
  }
}
