import { StepError } from '../errors';

/** The StepError `work` throws or rejects with; anything else thrown fails the test as it is. */
export async function stepErrorOf(work: () => unknown): Promise<StepError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof StepError) return error;
    throw error;
  }
  throw new Error('Expected a StepError, but nothing was thrown.');
}
