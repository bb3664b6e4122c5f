export { AlertEngine } from './alert-engine';
export { NaiveEngine } from './naive-engine';
export { LATE, type EngineRule, type EngineTick, type Firing } from './types';
