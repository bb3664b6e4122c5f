import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from './app-exception';

/** Parses a path id; anything but a positive integer is a 422 naming the parameter. */
@Injectable()
export class IdParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const id = /^\d{1,15}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(id) || id < 1) {
      throw ValidationFailedError.single(['path', metadata.data ?? 'id'], 'must be a positive integer', 'int');
    }
    return id;
  }
}
