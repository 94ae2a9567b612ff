import { englishMessage, runMessage, type RunMessage } from '../../../shared/flow/run-messages';
import { z } from 'zod';

/**
 * How the sync engine should treat a failure:
 * - `permanent`: the request itself is wrong (4xx); retrying the same request fails again.
 * - `transient`: network trouble, a timeout, a 5xx or an unreadable answer; retrying later may work.
 * - `auth`: the connection's tokens are missing, revoked or refused; the user must reconnect.
 * - `rate_limited`: still over the limit after the client waited and retried.
 */
export type TeamleaderErrorKind = 'permanent' | 'transient' | 'auth' | 'rate_limited';

/** One entry of the API's `errors` array, parsed defensively (Teamleader may change its shape). */
export interface TeamleaderErrorItem {
  readonly title: string;
  readonly status?: number;
  readonly code?: string | number;
  readonly field?: string;
  readonly pointer?: string;
}

export interface TeamleaderApiErrorInit {
  readonly endpoint: string;
  readonly status?: number;
  readonly title: string;
  /** `title` in Dutch, where the words are Koppel's (about the answer), not the API's. */
  readonly titleNl?: string;
  readonly errors?: readonly TeamleaderErrorItem[];
  readonly field?: string;
  readonly pointer?: string;
  readonly maybeApplied?: boolean;
  readonly resetAt?: Date;
  readonly oauthError?: string;
  readonly cause?: unknown;
}

/** Every failure of a Teamleader call. `kind` says whether to retry, fix the data, or reconnect. */
export class TeamleaderApiError extends Error {
  readonly kind: TeamleaderErrorKind = 'permanent';
  /** `resource.action` of the call, or `oauth2/access_token`. */
  readonly endpoint: string;
  /** HTTP status, undefined when no answer arrived. */
  readonly status: number | undefined;
  /** The API's own message (first `errors[].title`), or what went wrong on the way. */
  readonly title: string;
  readonly errors: readonly TeamleaderErrorItem[];
  /** The request field the API blamed (`errors[].meta.field`), dotted (`invoicee.customer.id`). */
  readonly field: string | undefined;
  /** JSON pointer from `errors[].source.pointer` when the API sent one. */
  readonly pointer: string | undefined;
  /**
   * True when a non-idempotent write may have been applied although no valid answer arrived (timeout,
   * dropped connection, 5xx, unreadable body). Look the record up by its natural key before retrying.
   */
  readonly maybeApplied: boolean;
  /** The message as a code, so the screens word Koppel's part in their language. */
  readonly text: RunMessage;

  constructor(init: TeamleaderApiErrorInit) {
    const text = runMessage('teamleaderCallFailed', {
      endpoint: init.endpoint,
      status: init.status,
      title: init.title,
      titleNl: init.titleNl,
      field: init.field,
    });
    super(englishMessage(text), { cause: init.cause });
    this.text = text;
    this.name = new.target.name;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.title = init.title;
    this.errors = init.errors ?? [];
    this.field = init.field ?? this.errors.find((e) => e.field)?.field;
    this.pointer = init.pointer ?? this.errors.find((e) => e.pointer)?.pointer;
    this.maybeApplied = init.maybeApplied ?? false;
  }
}

/** A 4xx other than 401/429: invalid data, unknown id, forbidden. */
export class TeamleaderPermanentError extends TeamleaderApiError {
  override readonly kind = 'permanent';
}

/** Network failure, timeout, 5xx or an answer that is not the JSON the spec promises. */
export class TeamleaderTransientError extends TeamleaderApiError {
  override readonly kind = 'transient';
}

/** No tokens, a refused refresh (`invalid_grant`), or a 401 that survived two refreshes. */
export class TeamleaderAuthError extends TeamleaderApiError {
  override readonly kind = 'auth';
  /** OAuth2 `error` code from the token endpoint (`invalid_grant`, `invalid_client`, …). */
  readonly oauthError: string | undefined;
  constructor(init: TeamleaderApiErrorInit) {
    super(init);
    this.oauthError = init.oauthError;
  }
}

/** Still rate limited after the client's bounded waits. */
export class TeamleaderRateLimitError extends TeamleaderApiError {
  override readonly kind = 'rate_limited';
  /** When the API said a request can succeed again (`X-RateLimit-Reset`). */
  readonly resetAt: Date | undefined;
  constructor(init: TeamleaderApiErrorInit) {
    super(init);
    this.resetAt = init.resetAt;
  }
}

export function isTeamleaderApiError(error: unknown): error is TeamleaderApiError {
  return error instanceof TeamleaderApiError;
}

const ErrorItem = z.looseObject({
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.union([z.number(), z.string()]).optional(),
  code: z.union([z.number(), z.string()]).optional(),
  meta: z.looseObject({ field: z.string().optional() }).optional(),
  source: z.looseObject({ pointer: z.string().optional(), parameter: z.string().optional() }).optional(),
});
const ErrorBody = z.looseObject({ errors: z.array(ErrorItem) });

/** Reads `{errors:[{title, status?, code?, meta?:{field}, source?:{pointer}}]}`; [] for anything else. */
export function parseErrorItems(body: unknown): TeamleaderErrorItem[] {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return [];
  return parsed.data.errors.map((item) => {
    const status = item.status === undefined ? undefined : Number(item.status);
    const field = item.meta?.field ?? item.source?.parameter ?? pointerToField(item.source?.pointer);
    return {
      title: item.title ?? item.detail ?? 'Unknown error',
      ...(status !== undefined && Number.isFinite(status) ? { status } : {}),
      ...(item.code !== undefined ? { code: item.code } : {}),
      ...(field ? { field } : {}),
      ...(item.source?.pointer ? { pointer: item.source.pointer } : {}),
    };
  });
}

function pointerToField(pointer: string | undefined): string | undefined {
  if (!pointer) return undefined;
  const field = pointer
    .replace(/^\/(data\/)?/, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  return field || undefined;
}
