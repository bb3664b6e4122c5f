import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { ApiKeyDto, IssuedApiKey } from '@tradeassist/shared-types';
import { AuditService } from '../audit';
import { NotFoundError, ValidationFailedError, toIso } from '../common';
import { apiKeyMatches, issueApiKey, parseApiKey } from './api-key-format';
import { ApiKeyEntity } from './entities/api-key.entity';
import { type Principal, roleAtLeast, type Role } from '../access';
import { UsersService } from './users.service';

// Writing last_used_at on every request would make each API call a write; once a minute is enough.
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectRepository(ApiKeyEntity) private readonly repo: Repository<ApiKeyEntity>,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /** Returns the key's plaintext exactly once; only its hash is kept. */
  async create(owner: Principal, name: string, role: Role | undefined, expiresAt: number | null): Promise<IssuedApiKey> {
    const scope = role ?? owner.role;
    if (!roleAtLeast(owner.role, scope)) {
      throw ValidationFailedError.single(['body', 'role'], `must not exceed your own role (${owner.role})`, 'role_scope');
    }
    if (expiresAt !== null && expiresAt <= Date.now())
      throw ValidationFailedError.single(['body', 'expires_at'], 'must be in the future', 'future');
    const issued = issueApiKey();
    const row = await this.repo.save(
      this.repo.create({
        userId: owner.userId,
        name,
        prefix: issued.prefix,
        keyHash: issued.hash,
        role: scope,
        expiresAt,
        createdAt: Date.now(),
        lastUsedAt: null,
        revokedAt: null,
      }),
    );
    await this.audit.record({
      actor: owner.username,
      ip: owner.ip,
      action: 'api_key.create',
      target: `${name} (${issued.prefix})`,
      detail: { role: scope, expires_at: toIso(expiresAt) },
    });
    return { ...this.toDto(row, owner.username), key: issued.plaintext };
  }

  /** An admin sees every key; others their own. */
  async list(viewer: Principal): Promise<ApiKeyDto[]> {
    const rows = await this.repo.find({ where: viewer.role === 'admin' ? {} : { userId: viewer.userId }, order: { createdAt: 'DESC' } });
    const names = new Map<number, string>();
    for (const r of rows) if (!names.has(r.userId)) names.set(r.userId, (await this.users.findById(r.userId))?.username ?? '(deleted)');
    return rows.map((r) => this.toDto(r, names.get(r.userId) ?? ''));
  }

  async revoke(viewer: Principal, id: number): Promise<void> {
    const row = await this.repo.findOneBy(viewer.role === 'admin' ? { id } : { id, userId: viewer.userId });
    if (!row) throw new NotFoundError('API_KEY_NOT_FOUND', `API key with ID ${id} not found`);
    if (row.revokedAt === null) {
      row.revokedAt = Date.now();
      await this.repo.save(row);
      await this.audit.record({ actor: viewer.username, ip: viewer.ip, action: 'api_key.revoke', target: `${row.name} (${row.prefix})` });
    }
  }

  async authenticate(candidate: string): Promise<Principal | null> {
    const parsed = parseApiKey(candidate);
    if (!parsed) return null;
    const row = await this.repo.findOneBy({ prefix: parsed.prefix, revokedAt: IsNull() });
    const now = Date.now();
    if (!row || !apiKeyMatches(candidate, row.keyHash) || (row.expiresAt !== null && row.expiresAt <= now)) return null;
    const user = await this.users.findById(row.userId);
    if (!user || user.disabled) return null;
    if (row.lastUsedAt === null || now - row.lastUsedAt > LAST_USED_RESOLUTION_MS)
      await this.repo.update({ id: row.id }, { lastUsedAt: now });
    // A key never carries more than its owner has today (a demoted owner demotes the key).
    const role = roleAtLeast(user.role, row.role) ? row.role : user.role;
    return { userId: user.id, username: user.username, role, via: 'api_key', apiKeyId: row.id, mustChangePassword: false };
  }

  private toDto(r: ApiKeyEntity, owner: string): ApiKeyDto {
    return {
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      role: r.role,
      owner,
      expires_at: toIso(r.expiresAt),
      created_at: toIso(r.createdAt) ?? '',
      last_used_at: toIso(r.lastUsedAt),
      revoked_at: toIso(r.revokedAt),
    };
  }
}
