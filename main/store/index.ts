export { databaseFile, openDatabase, type Db } from './database';
export type { Intent, LedgerEntry } from './exactly-once-repo';
export { processAlive, type LockHolder, type LockOwner } from './flow-locks';
export type { AttemptRecord, ItemRecord } from './items-repo';
export type { EraseResult, RetentionResult } from './retention';
export type { RunWriter } from './run-writer';
export type { NewRun, RunFilter } from './runs-repo';
export { FlowBusyError, Store, type RunOutcome, type StoreOptions } from './store';
