import { Body, Controller, Delete, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IdParamPipe } from '../common';
import { CurrentPrincipal, Requires, type Principal } from '../access';
import { CreateUserDto, UpdateUserDto } from './dto/auth.dto';
import { SessionsService } from './sessions.service';
import type { UserDto } from '@tradeassist/shared-types';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
@Requires('admin')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  @Get()
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Post()
  create(@CurrentPrincipal() admin: Principal, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(admin.username, body.username, body.password, body.role);
  }

  @Put(':id')
  async update(@CurrentPrincipal() admin: Principal, @Param('id', IdParamPipe) id: number, @Body() body: UpdateUserDto): Promise<UserDto> {
    const user = await this.users.update(admin.username, id, body);
    // Disabling or resetting a password ends the user's open sessions at once.
    if (body.disabled || body.password !== undefined || body.role !== undefined) await this.sessions.revokeAllFor(id);
    return user;
  }

  @Delete(':id')
  async remove(@CurrentPrincipal() admin: Principal, @Param('id', IdParamPipe) id: number): Promise<{ message: string }> {
    await this.users.remove(admin.username, id);
    return { message: `User ${id} deleted successfully` };
  }
}
