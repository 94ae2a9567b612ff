import { z } from 'zod';

/** One connection's OAuth2 tokens. `expires_at` is the access token's expiry, ISO 8601. */
export const TeamleaderTokens = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_at: z.iso.datetime({ offset: true }),
});
export type TeamleaderTokens = z.infer<typeof TeamleaderTokens>;

/**
 * Where a connection's tokens live (the OS keychain in the app). Refresh tokens are single-use, so
 * the client saves new tokens here before it uses them: a crash right after a refresh loses nothing.
 */
export interface TeamleaderTokenStore {
  load(): Promise<TeamleaderTokens | null>;
  save(tokens: TeamleaderTokens): Promise<void>;
}

/** A token store in memory, for tests and short-lived tools. */
export function createMemoryTokenStore(initial: TeamleaderTokens | null = null): TeamleaderTokenStore & {
  /** Every save, oldest first: lets tests check the rotation order. */
  readonly saved: readonly TeamleaderTokens[];
} {
  let current = initial;
  const saved: TeamleaderTokens[] = [];
  return {
    saved,
    load: () => Promise.resolve(current),
    save: (tokens) => {
      current = TeamleaderTokens.parse(tokens);
      saved.push(current);
      return Promise.resolve();
    },
  };
}
