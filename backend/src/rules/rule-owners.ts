import { Injectable } from '@nestjs/common';
import { UsersService } from '../auth/users.service';

/** Owner names for rule listings: one query for all users (a short table) instead of one per rule. */
@Injectable()
export class RuleOwners {
  constructor(private readonly users: UsersService) {}

  async names(): Promise<Map<number, string>> {
    return new Map((await this.users.list()).map((u) => [u.id, u.username]));
  }
}
