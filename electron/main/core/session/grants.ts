// Owns the grants the accounts sign in with: a personal token as it is, or a Harvest sign-in's tokens behind one
// TokenSource shared by every account that sign-in reached, refreshed ahead of expiry (and after a refused
// request), each new pair saved to the keychain before it is used, and handed to the accounts that use it.
import { createHash } from 'node:crypto';
import { tokenGrant, type AccountGrant } from './signed-in-account';
import {
  GrantRevokedError,
  refreshTokens,
  TokenSource,
  refreshDueAt,
  type HarvestIdConfig,
  type OAuthTokens,
} from '../harvest-id';
import type { StoredGrant } from './keychain';
import { DisposableStore, type Disposable } from '../base/lifecycle';
import type { Clock, Fetch } from '../ports';

const signedOutOfHarvest =
  'Harvest signed Sheaf out of this account (the sign-in expired or was revoked). Sign in again; unsent changes are kept.';

export interface GrantsDeps {
  config: HarvestIdConfig;
  fetch: Fetch;
  clock: Clock;
  /** A Harvest sign-in's new tokens, to keep in the keychain under `grantId`. */
  save(grantId: string, grant: StoredGrant): Promise<void>;
  /** A refresh ahead of expiry gave the grant's accounts a new access token. */
  renewed(grantId: string, token: string): void;
}

/** One keychain grant per token, so the accounts one token reaches share it (named by a hash, not the token). */
export function grantIdFor(grant: StoredGrant): string {
  const secret = grant.kind === 'token' ? grant.token : grant.refreshToken;
  return `${grant.kind}:${createHash('sha256').update(secret).digest('hex').slice(0, 16)}`;
}

export class Grants implements Disposable {
  private readonly sources = new Map<string, TokenSource>();
  private readonly lifetime = new DisposableStore();

  constructor(private readonly deps: GrantsDeps) {}

  /** The grant an account signs in with, from what the keychain keeps for it. */
  grantFor(grantId: string, stored: StoredGrant): AccountGrant {
    if (stored.kind === 'token') return tokenGrant(stored.token);
    const source = this.sourceFor(grantId, stored);
    return {
      token: () => source.token(),
      renewed: async () => {
        source.invalidate(source.current.accessToken);
        try {
          return await source.token();
        } catch (err) {
          if (err instanceof GrantRevokedError) return null;
          throw err;
        }
      },
      refusedMessage: signedOutOfHarvest,
    };
  }

  dispose(): void {
    this.lifetime.dispose();
    this.sources.clear();
  }

  private sourceFor(grantId: string, stored: Extract<StoredGrant, { kind: 'oauth' }>): TokenSource {
    const known = this.sources.get(grantId);
    if (known) return known;
    const { config, fetch, clock } = this.deps;
    const source = new TokenSource({
      tokens: {
        accessToken: stored.accessToken,
        refreshToken: stored.refreshToken,
        expiresAt: stored.expiresAt,
      },
      refresh: (refreshToken) => refreshTokens({ config, fetch, clock, refreshToken }),
      clock,
      onTokens: (tokens: OAuthTokens) => this.deps.save(grantId, { kind: 'oauth', ...tokens }),
    });
    this.sources.set(grantId, source);
    this.refreshAhead(grantId, source);
    return source;
  }

  /** Refreshes a little before the access token expires, so no request of the day meets an expired one. */
  private refreshAhead(grantId: string, source: TokenSource): void {
    const now = this.deps.clock.now().getTime();
    // setTimeout holds at most ~24.8 days; a longer wait is simply taken in steps.
    const wait = Math.min(Math.max(refreshDueAt(source.current, now) - now, 1000), 2 ** 31 - 1);
    this.lifetime.timeout(() => {
      const before = source.current.accessToken;
      source
        .token()
        .then((token) => {
          if (token !== before) this.deps.renewed(grantId, token);
          this.refreshAhead(grantId, source);
        })
        // Revoked: the next request is refused and signs the accounts out. Offline: tried again in a minute.
        .catch((err) => {
          if (!(err instanceof GrantRevokedError))
            this.lifetime.timeout(() => this.refreshAhead(grantId, source), 60_000);
        });
    }, wait);
  }
}
