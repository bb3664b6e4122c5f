import { json, type NextFunction, type Request, type Response } from 'express';
import { errorBody } from './all-exceptions.filter';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
}

/** JSON body parsing whose failures use the contract's error body: malformed JSON is a 422, never a 500. */
export function jsonBodyParser(limit: string) {
  const parse = json({ limit });
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as BodyParserError;
      if (e.type === 'entity.too.large') {
        res.status(413).json(errorBody(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the ${limit} limit`));
      } else if (e.type === 'entity.parse.failed') {
        const detail = [{ loc: ['body'], msg: `Malformed JSON: ${e.message}`, type: 'json_invalid' }];
        res.status(422).json(errorBody(422, 'VALIDATION_FAILED', 'Request body is not valid JSON', detail));
      } else {
        res.status(e.status && e.status < 500 ? e.status : 400).json(errorBody(400, 'BAD_REQUEST', e.message));
      }
    });
  };
}
