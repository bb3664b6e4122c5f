import { Injectable, ValidationPipe, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { ValidationErrorItem } from '@tradeassist/shared-types';
import { ValidationFailedError } from './app-exception';

function flatten(errors: ValidationError[], parent: (string | number)[]): ValidationErrorItem[] {
  const items: ValidationErrorItem[] = [];
  for (const error of errors) {
    const loc = [...parent, /^\d+$/.test(error.property) ? Number(error.property) : error.property];
    for (const [type, message] of Object.entries(error.constraints ?? {})) {
      // class-validator prefixes the property name; the contract's msg is the rule alone.
      const msg = message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message;
      items.push({ loc, msg: type === 'whitelistValidation' ? 'is not a known field' : msg, type });
    }
    if (error.children?.length) items.push(...flatten(error.children, loc));
  }
  return items;
}

const SOURCE: Record<ArgumentMetadata['type'], string> = { body: 'body', query: 'query', param: 'path', custom: 'body' };

/** ValidationPipe whose failures become the contract's 422 list, located by source (body/query/path). */
@Injectable()
export class AppValidationPipe implements PipeTransform {
  private readonly pipes = new Map<string, ValidationPipe>();

  private pipeFor(source: string): ValidationPipe {
    let pipe = this.pipes.get(source);
    if (!pipe) {
      pipe = new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        validationError: { target: false, value: false },
        exceptionFactory: (errors) => new ValidationFailedError(flatten(errors, [source])),
      });
      this.pipes.set(source, pipe);
    }
    return pipe;
  }

  transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return this.pipeFor(SOURCE[metadata.type]).transform(value, metadata) as Promise<unknown>;
  }
}
