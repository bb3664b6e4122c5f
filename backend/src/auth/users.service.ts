import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AuditService } from '../audit';
import { AppException, BadRequestError, NotFoundError, ValidationFailedError } from '../common';
import { APP_CONFIG, type AppConfig } from '../config';
import { UserEntity } from './entities/user.entity';
import { generatePassword, hashPassword, verifyPassword } from './password-hasher';
import type { Role, UserDto } from '@tradeassist/shared-types';

export const MIN_PASSWORD_LENGTH = 10;

export function toUserDto(u: UserEntity): UserDto {
  const iso = (v: number | null): string | null => (v === null ? null : new Date(v).toISOString());
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    email: u.email,
    phone: u.phone,
    disabled: u.disabled,
    must_change_password: u.mustChangePassword,
    locked_until: u.lockedUntil !== null && u.lockedUntil > Date.now() ? iso(u.lockedUntil) : null,
    last_login_at: iso(u.lastLoginAt),
    created_at: iso(u.createdAt) ?? '',
  };
}

/** Users and their passwords; the first start creates the administrator. */
@Injectable()
export class UsersService implements OnModuleInit {
  private readonly logger = new Logger('Accounts');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    if ((await this.repo.count()) > 0) return;
    const username = (this.config.auth.admin_username ?? 'admin').toLowerCase();
    const configured = this.config.auth.admin_password;
    const password = configured ?? generatePassword();
    await this.insert(username, password, 'admin', configured === undefined);
    await this.audit.record({
      actor: null,
      action: 'user.bootstrap',
      target: username,
      detail: { source: configured ? 'environment' : 'one-time password' },
    });
    if (!configured) {
      // Printed once, on purpose: the only way to reach a fresh install without ADMIN_PASSWORD.
      process.stdout.write(
        `\n  TradeAssist first start: log in as '${username}' with the one-time password ${password}\n  You will be asked to choose a new password. Set ADMIN_USERNAME/ADMIN_PASSWORD to choose your own.\n\n`,
      );
      this.logger.warn(`Created administrator '${username}' with a one-time password (printed to stdout once)`);
    }
  }

  list(): Promise<UserDto[]> {
    return this.repo.find({ order: { username: 'ASC' } }).then((rows) => rows.map(toUserDto));
  }

  async require(id: number): Promise<UserEntity> {
    const user = await this.repo.findOneBy({ id });
    if (!user) throw new NotFoundError('USER_NOT_FOUND', `User with ID ${id} not found`);
    return user;
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ username: username.trim().toLowerCase() });
  }

  findById(id: number): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  async create(actor: string, username: string, password: string, role: Role): Promise<UserDto> {
    const name = username.trim().toLowerCase();
    if (await this.findByUsername(name)) throw new BadRequestError('USER_EXISTS', `User '${name}' already exists`);
    this.checkPasswordStrength(password, name);
    const user = await this.insert(name, password, role, true);
    await this.audit.record({ actor, action: 'user.create', target: name, detail: { role } });
    return toUserDto(user);
  }

  async update(
    actor: string,
    id: number,
    changes: { role?: Role; disabled?: boolean; password?: string; email?: string | null; phone?: string | null },
  ): Promise<UserDto> {
    const user = await this.require(id);
    if (user.username === actor && (changes.role !== undefined || changes.disabled)) {
      throw new AppException(409, 'SELF_LOCKOUT', 'You cannot change your own role or disable yourself; ask another administrator');
    }
    if (changes.role !== undefined && changes.role !== user.role) {
      await this.audit.record({ actor, action: 'user.role_change', target: user.username, detail: { from: user.role, to: changes.role } });
      user.role = changes.role;
    }
    if (changes.disabled !== undefined && changes.disabled !== user.disabled) {
      user.disabled = changes.disabled;
      await this.audit.record({ actor, action: changes.disabled ? 'user.disable' : 'user.enable', target: user.username });
    }
    if (changes.password !== undefined) {
      this.checkPasswordStrength(changes.password, user.username);
      user.passwordHash = await hashPassword(changes.password);
      user.mustChangePassword = true;
      user.failedLogins = 0;
      user.lockedUntil = null;
      await this.audit.record({ actor, action: 'user.password_reset', target: user.username });
    }
    if (changes.email !== undefined && changes.email !== user.email) {
      user.email = changes.email === null ? null : changes.email.toLowerCase();
      await this.audit.record({ actor, action: 'user.email_change', target: user.username });
    }
    if (changes.phone !== undefined && changes.phone !== user.phone) {
      user.phone = changes.phone;
      await this.audit.record({ actor, action: 'user.phone_change', target: user.username });
    }
    user.updatedAt = Date.now();
    return toUserDto(await this.repo.save(user));
  }

  async remove(actor: string, id: number): Promise<void> {
    const user = await this.require(id);
    if (user.username === actor) throw new AppException(409, 'SELF_LOCKOUT', 'You cannot delete your own account');
    await this.repo.delete({ id });
    await this.audit.record({ actor, action: 'user.delete', target: user.username });
  }

  async changeOwnPassword(userId: number, current: string, next: string): Promise<void> {
    const user = await this.require(userId);
    if (!(await verifyPassword(current, user.passwordHash))) {
      await this.audit.record({
        actor: user.username,
        action: 'user.password_change',
        outcome: 'failed',
        detail: { reason: 'wrong current password' },
      });
      throw new BadRequestError('WRONG_PASSWORD', 'The current password is not correct');
    }
    if (current === next)
      throw ValidationFailedError.single(['body', 'new_password'], 'must differ from the current password', 'password_unchanged');
    this.checkPasswordStrength(next, user.username, 'new_password');
    user.passwordHash = await hashPassword(next);
    user.mustChangePassword = false;
    user.updatedAt = Date.now();
    await this.repo.save(user);
    await this.audit.record({ actor: user.username, action: 'user.password_change' });
  }

  save(user: UserEntity): Promise<UserEntity> {
    return this.repo.save(user);
  }

  private checkPasswordStrength(password: string, username: string, field = 'password'): void {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw ValidationFailedError.single(['body', field], `must be at least ${MIN_PASSWORD_LENGTH} characters long`, 'password_strength');
    }
    if (password.toLowerCase().includes(username))
      throw ValidationFailedError.single(['body', field], 'must not contain the username', 'password_strength');
  }

  private async insert(username: string, password: string, role: Role, mustChange: boolean): Promise<UserEntity> {
    const now = Date.now();
    return this.repo.save(
      this.repo.create({
        username,
        passwordHash: await hashPassword(password),
        role,
        mustChangePassword: mustChange,
        disabled: false,
        failedLogins: 0,
        lockedUntil: null,
        lastLoginAt: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }
}
