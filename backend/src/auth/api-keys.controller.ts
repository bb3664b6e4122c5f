import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdParamPipe } from '../common';
import type { ApiKeyDto, IssuedApiKey } from '@tradeassist/shared-types';
import { ApiKeysService } from './api-keys.service';
import { CurrentPrincipal, Requires, type Principal } from '../access';
import { CreateApiKeyDto } from './dto/auth.dto';

@ApiTags('api-keys')
@Controller('api-keys')
@Requires('viewer')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  list(@CurrentPrincipal() p: Principal): Promise<ApiKeyDto[]> {
    return this.keys.list(p);
  }

  /** The response holds the key itself: this is the only time it is shown. */
  @Post()
  create(@CurrentPrincipal() p: Principal, @Body() body: CreateApiKeyDto): Promise<IssuedApiKey> {
    return this.keys.create(p, body.name, body.role, body.expires_at ? Date.parse(body.expires_at) : null);
  }

  @Delete(':id')
  async revoke(@CurrentPrincipal() p: Principal, @Param('id', IdParamPipe) id: number): Promise<{ message: string }> {
    await this.keys.revoke(p, id);
    return { message: `API key ${id} revoked` };
  }
}
