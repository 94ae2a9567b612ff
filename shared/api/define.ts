import type { z } from 'zod';

/** One call of the main↔renderer API: a zod input, a zod output and a sentence for humans. */
export interface CallDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

/** Declares a call; the name (`domain.verb`) is the key under which it is listed in the contract. */
export function defineCall<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): CallDefinition<I, O> {
  return { input, output, summary };
}
