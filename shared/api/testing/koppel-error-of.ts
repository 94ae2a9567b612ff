import { KoppelError } from '../errors';

/** The KoppelError `work` throws; anything else thrown fails the test as it is, and so does nothing thrown. */
export function koppelErrorOf(work: () => unknown): KoppelError {
  try {
    work();
  } catch (error) {
    if (error instanceof KoppelError) return error;
    throw error;
  }
  throw new Error('Expected a KoppelError, but nothing was thrown.');
}

/** The KoppelError a promise (or the call that makes it) rejects with, as {@link koppelErrorOf}. */
export async function koppelRejectionOf(work: Promise<unknown> | (() => unknown)): Promise<KoppelError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (error instanceof KoppelError) return error;
    throw error;
  }
  throw new Error('Expected a KoppelError, but the call succeeded.');
}
