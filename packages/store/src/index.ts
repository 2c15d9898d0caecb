export type { CalculatorEvent, CalculatorEventRepository } from './calculator-event-repository.ts';
export type {
  CalculatorEventRepositoryOptions,
  NewCalculatorEvent,
} from './calculator-event-repository.ts';
export { createCalculatorEventRepository } from './calculator-event-repository.ts';
export { CALCULATOR_EVENT_TYPES, METRIC_KINDS, RESOLUTIONS } from './database.ts';
export type {
  CalculatorEventTable,
  CalculatorEventType,
  Database,
  MetricKind,
  MetricRollupTable,
  Resolution,
} from './database.ts';
export {
  SQLITE_BUSY_TIMEOUT_MS,
  SQLITE_FILE_NAME,
  POSTGRES_CONNECT_TIMEOUT_MS,
} from './dialect.ts';
export type { SqlDialect } from './dialect.ts';
export { StoreError } from './errors.ts';
export type { StoreErrorCode } from './errors.ts';
export { openStore } from './open-store.ts';
export type { Store, StoreOptions } from './open-store.ts';
export { ROLLUP_UPSERT_BATCH_SIZE, createRollupRepository } from './rollup-repository.ts';
export type { LoadRollupsOptions, RollupRepository, RollupRow } from './rollup-repository.ts';
