import type { IdempotencyResult } from '../generated/wire-types';

/** `T` with the keys `K` made optional (required-but-emptiable wrappers the encoder fills in). */
export type WithOptional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** True when an idempotent write answered with the stored original response. */
export const isReplay = (result: IdempotencyResult): boolean =>
  result === 'IDEMPOTENCY-RESULT-REPLAY-RESPONSE';

/** Message for an outcome: the server's errorMessage, or the result code when it sent none. */
export const messageOf = (errorMessage: string | undefined, result: string): string =>
  errorMessage && errorMessage.trim() !== '' ? errorMessage : result;
