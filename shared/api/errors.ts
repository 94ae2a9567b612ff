import { z } from 'zod';

/** Every failure crossing a transport has this one shape. */
export const ApiErrorCode = z.enum([
  'invalid_input',
  'invalid_output',
  'unknown_call',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_flow',
  'keychain_unavailable',
  'connection_failed',
  'unavailable',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiError = z.object({
  code: ApiErrorCode,
  message: z.string(),
  detail: z.unknown().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** What every transport carries back for a call: the output or the one error shape. */
export const ApiResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), output: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiError }),
]);
export type ApiResult = z.infer<typeof ApiResult>;

/** Thrown by services for an expected failure; adapters turn it into an {@link ApiError}. */
export class KoppelError extends Error {
  readonly code: ApiErrorCode;
  readonly detail: unknown;

  constructor(code: ApiErrorCode, message: string, detail?: unknown) {
    super(message);
    this.name = 'KoppelError';
    this.code = code;
    this.detail = detail;
  }

  toApiError(): ApiError {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}

/** Turns a zod failure into a readable list of `path: message` lines. */
export function describeZodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}
