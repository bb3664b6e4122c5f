export * from './alerts';
export * from './errors';
export * from './health';
export * from './instruments';
export * from './market';
export * from './realtime';
export * from './rules';
export * from './auth';
