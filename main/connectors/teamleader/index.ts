/**
 * Teamleader Focus connector: a client built to the official OpenAPI spec (types generated from it
 * by scripts/generate-teamleader-types.ts) and a local twin of the API for tests and the sandbox.
 */
export { createTeamleaderClient, type TeamleaderClient, type TeamleaderClientOptions } from './client';
export type { CallJournal, CallOptions, TeamleaderRequestInfo, TransportStats } from './transport';
export { paginate, MAX_PAGE_SIZE, type PageOptions, type FetchPage } from './paginate';
export { createMemoryTokenStore, TeamleaderTokens, type TeamleaderTokenStore } from './tokens';
export {
  buildAuthorizeUrl,
  createPkcePair,
  pkceChallenge,
  exchangeCode,
  refreshTokens,
  DEFAULT_API_BASE_URL,
  DEFAULT_AUTH_BASE_URL,
  type AuthorizeUrlOptions,
  type ExchangeCodeOptions,
  type RefreshTokensOptions,
} from './oauth';
export {
  TeamleaderApiError,
  TeamleaderAuthError,
  TeamleaderPermanentError,
  TeamleaderRateLimitError,
  TeamleaderTransientError,
  isTeamleaderApiError,
  type TeamleaderErrorKind,
  type TeamleaderErrorItem,
} from './errors';
export { SlidingWindowRateLimiter, type RateLimiterOptions } from './rate-limiter';
export { TEAMLEADER_OPERATIONS, TEAMLEADER_OPERATION_IDS, type TeamleaderOperation } from './operations';
export type * from './schemas';
export { startTeamleaderTwin, type TeamleaderTwin, type TeamleaderTwinOptions } from './simulator/twin';
