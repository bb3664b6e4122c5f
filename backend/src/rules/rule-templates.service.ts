import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { RuleTemplate } from '@tradeassist/shared-types';
import { roleAtLeast, type Principal } from '../access';
import { AppException, NotFoundError, ValidationFailedError } from '../common';
import { InstrumentsService } from '../market';
import type { CreateRuleTemplateDto } from './dto/rule-template.dto';
import { RuleTemplateEntity } from './entities/rule-template.entity';
import { RuleOwners } from './rule-owners';
import { RulesService } from './rules.service';
import { BUILTIN_TEMPLATES } from './templates/builtin-templates';

const USER_PREFIX = 'user:';

/** Built-in templates and the ones users save; a user sees the built-in ones and their own. */
@Injectable()
export class RuleTemplatesService {
  constructor(
    @InjectRepository(RuleTemplateEntity) private readonly repo: Repository<RuleTemplateEntity>,
    private readonly rules: RulesService,
    private readonly instruments: InstrumentsService,
    private readonly owners: RuleOwners,
  ) {}

  async list(actor: Principal): Promise<RuleTemplate[]> {
    const saved = await this.repo.find({
      where: roleAtLeast(actor.role, 'admin') ? {} : { ownerId: actor.userId ?? -1 },
      order: { name: 'ASC', id: 'ASC' },
    });
    const names = await this.owners.names();
    return [...BUILTIN_TEMPLATES, ...saved.map((t) => toDto(t, t.ownerId === null ? null : (names.get(t.ownerId) ?? null)))];
  }

  /** Saves a template whose body would make a valid rule (checked as creating one is, on its suggested instrument or any). */
  async create(dto: CreateRuleTemplateDto, actor: Principal): Promise<RuleTemplate> {
    const symbol = dto.symbol ? dto.symbol.toUpperCase() : null;
    const instrument = symbol ? this.instruments.findBySymbol(symbol) : this.instruments.active()[0];
    if (symbol && !instrument) throw ValidationFailedError.single(['body', 'symbol'], `unknown symbol '${symbol}'`, 'unknown_symbol');
    if (instrument) {
      try {
        this.rules.checked({ ...dto.body, instrument_id: instrument.id });
      } catch (error) {
        if (error instanceof ValidationFailedError) {
          throw new ValidationFailedError(error.items.map((i) => ({ ...i, loc: ['body', 'body', ...i.loc.slice(1)] })));
        }
        throw error;
      }
    }
    const saved = await this.repo.save(
      this.repo.create({
        ownerId: actor.userId,
        name: dto.name,
        description: dto.description ?? '',
        symbol,
        body: dto.body,
        createdAt: Date.now(),
      }),
    );
    return toDto(saved, actor.username);
  }

  async remove(id: string, actor: Principal): Promise<void> {
    if (id.startsWith('builtin:')) throw new AppException(403, 'BUILTIN_TEMPLATE', 'Built-in templates cannot be deleted');
    const n = id.startsWith(USER_PREFIX) ? Number(id.slice(USER_PREFIX.length)) : NaN;
    const row = Number.isInteger(n) ? await this.repo.findOneBy({ id: n }) : null;
    if (!row || (row.ownerId !== actor.userId && !roleAtLeast(actor.role, 'admin'))) {
      throw new NotFoundError('TEMPLATE_NOT_FOUND', `Template ${id} not found`);
    }
    await this.repo.delete({ id: row.id });
  }
}

function toDto(t: RuleTemplateEntity, owner: string | null): RuleTemplate {
  return { id: `${USER_PREFIX}${t.id}`, name: t.name, description: t.description, builtin: false, symbol: t.symbol, body: t.body, owner };
}
