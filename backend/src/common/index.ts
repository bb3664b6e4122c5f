export { AllExceptionsFilter, errorBody } from './all-exceptions.filter';
export { AppException, BadRequestError, NotFoundError, ValidationFailedError } from './app-exception';
export { jsonBodyParser } from './body-parsing';
export { IdParamPipe } from './id-param.pipe';
export { findRepoRoot } from './repo-root';
export { allowedMethods, collectRoutes, type RouteEntry } from './route-table';
export { toIso } from './time';
export { AppValidationPipe } from './validation';
export { PageQueryDto } from './page-query.dto';
