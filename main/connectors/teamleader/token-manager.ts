import { TeamleaderAuthError, TeamleaderTransientError, isTeamleaderApiError } from './errors';
import type { TeamleaderTokenStore, TeamleaderTokens } from './tokens';

export interface TokenManagerOptions {
  store: TeamleaderTokenStore;
  /** Calls the token endpoint with a refresh token; the result is not yet stored. */
  refresh: (refreshToken: string) => Promise<TeamleaderTokens>;
  now?: () => number;
  /** Refresh this long before `expires_at`, so a token does not expire in flight. */
  skewMs?: number;
}

/**
 * Hands out access tokens for one connection. At most one refresh runs at a time (every caller waits
 * for the same one), and new tokens reach the store before anyone uses them.
 */
export class TokenManager {
  private current: TeamleaderTokens | null | undefined;
  private refreshing: Promise<TeamleaderTokens> | undefined;
  /** Tokens whose save failed: they are the only valid ones, so saving them comes first. */
  private unsaved: TeamleaderTokens | undefined;
  private readonly now: () => number;
  private readonly skewMs: number;

  constructor(private readonly options: TokenManagerOptions) {
    this.now = options.now ?? Date.now;
    this.skewMs = options.skewMs ?? 60_000;
  }

  /** A valid access token, refreshing first when it is about to expire. */
  async accessToken(): Promise<string> {
    await this.flushUnsaved();
    const tokens = await this.loaded();
    if (this.expiresSoon(tokens)) return (await this.refreshOnce(tokens)).access_token;
    return tokens.access_token;
  }

  /**
   * After a 401 with `rejected`: if someone already replaced that token use the new one, otherwise
   * refresh (once, shared by every concurrent caller).
   */
  async afterRejection(rejected: string): Promise<string> {
    await this.flushUnsaved();
    const tokens = await this.loaded();
    if (tokens.access_token !== rejected) return tokens.access_token;
    return (await this.refreshOnce(tokens)).access_token;
  }

  /** Drops the cached tokens: the next call reads the store (after a new connect). */
  forget(): void {
    this.current = undefined;
    this.unsaved = undefined;
  }

  private async loaded(): Promise<TeamleaderTokens> {
    if (this.current === undefined) this.current = await this.options.store.load();
    if (!this.current) {
      throw new TeamleaderAuthError({
        endpoint: 'oauth2/access_token',
        title: 'Not connected: no tokens stored',
        titleNl: 'Niet verbonden: er zijn geen tokens bewaard',
      });
    }
    return this.current;
  }

  private expiresSoon(tokens: TeamleaderTokens): boolean {
    return Date.parse(tokens.expires_at) - this.skewMs <= this.now();
  }

  private refreshOnce(seen: TeamleaderTokens): Promise<TeamleaderTokens> {
    this.refreshing ??= this.rotate(seen).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async rotate(seen: TeamleaderTokens): Promise<TeamleaderTokens> {
    // Another process sharing the store may have rotated already: its tokens win.
    const stored = await this.options.store.load();
    if (stored && stored.refresh_token !== seen.refresh_token) {
      this.current = stored;
      if (!this.expiresSoon(stored) && stored.access_token !== seen.access_token) return stored;
    }
    const base = this.current ?? seen;
    let next: TeamleaderTokens;
    try {
      next = await this.options.refresh(base.refresh_token);
    } catch (error) {
      if (isTeamleaderApiError(error) && error.kind === 'auth') {
        // invalid_grant may mean a concurrent rotation elsewhere: take the store's newer tokens if any.
        const latest = await this.options.store.load();
        if (latest && latest.refresh_token !== base.refresh_token) {
          this.current = latest;
          return latest;
        }
      }
      throw error;
    }
    await this.persist(next);
    return next;
  }

  private async persist(tokens: TeamleaderTokens): Promise<void> {
    this.current = tokens;
    try {
      await this.options.store.save(tokens);
      this.unsaved = undefined;
    } catch (cause) {
      this.unsaved = tokens;
      throw new TeamleaderTransientError({
        endpoint: 'oauth2/access_token',
        title: `New tokens could not be saved (${cause instanceof Error ? cause.message : String(cause)})`,
        titleNl: `Nieuwe tokens konden niet bewaard worden (${cause instanceof Error ? cause.message : String(cause)})`,
        cause,
      });
    }
  }

  private async flushUnsaved(): Promise<void> {
    if (this.unsaved) await this.persist(this.unsaved);
  }
}
