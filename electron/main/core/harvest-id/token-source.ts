// Owns handing out a working OAuth access token: refreshes before expiry or after a 401, one refresh at a time for
// every caller, new tokens persisted before anyone uses them, and a refused refresh ending the grant for good.
import type { Clock } from '../ports';
import { GrantRevokedError } from './errors';
import type { OAuthTokens } from './token';

export interface TokenSourceOptions {
  tokens: OAuthTokens;
  /** Usually refreshTokens with Sheaf's config; a GrantRevokedError from it ends this source. */
  refresh(refreshToken: string): Promise<OAuthTokens>;
  clock: Clock;
  /** Saves the new tokens (the keychain); awaited before anyone is given the new access token. */
  onTokens(tokens: OAuthTokens): void | Promise<void>;
  /** Names the account in "Harvest signed Sheaf out of …". */
  accountName?: string;
}

const MARGIN_MS = 5 * 60_000;

/**
 * When to refresh: 5 minutes before expiry, or 10% of the lifetime seen when that is shorter (a 10-minute token
 * isn't refreshed at 5). The lifetime is counted from when this source got the tokens, which for tokens read
 * back at startup is short of the real one: a smaller margin, still ahead of expiry.
 */
export function refreshDueAt(tokens: OAuthTokens, obtainedAtMs: number): number {
  const expiresAtMs = Date.parse(tokens.expiresAt);
  if (Number.isNaN(expiresAtMs)) return obtainedAtMs; // unreadable expiry: refresh now rather than guess
  const lifetime = Math.max(0, expiresAtMs - obtainedAtMs);
  return expiresAtMs - Math.min(MARGIN_MS, lifetime / 10);
}

export class TokenSource {
  private tokens: OAuthTokens;
  private obtainedAtMs: number;
  /** The access token was refused (a 401): refresh whatever its expiry says. */
  private stale = false;
  private pending: Promise<OAuthTokens> | undefined;
  private revoked: GrantRevokedError | undefined;

  constructor(private readonly o: TokenSourceOptions) {
    this.tokens = o.tokens;
    this.obtainedAtMs = o.clock.now().getTime();
  }

  /** The tokens as they stand (what was last persisted). */
  get current(): OAuthTokens {
    return this.tokens;
  }

  /** An access token that should work now: the one held, or a refreshed one shared by every caller waiting. */
  async token(): Promise<string> {
    if (this.revoked) throw this.revoked;
    if (
      !this.pending &&
      !this.stale &&
      this.o.clock.now().getTime() < refreshDueAt(this.tokens, this.obtainedAtMs)
    )
      return this.tokens.accessToken;
    this.pending ??= this.refresh().finally(() => (this.pending = undefined));
    return (await this.pending).accessToken;
  }

  /**
   * Harvest answered 401 to `rejected`: the next token() refreshes. Naming the token keeps many requests that
   * failed with the old one from setting off a refresh each after the first one already replaced it.
   */
  invalidate(rejected?: string): void {
    if (rejected === undefined || rejected === this.tokens.accessToken) this.stale = true;
  }

  private async refresh(): Promise<OAuthTokens> {
    let next: OAuthTokens;
    try {
      next = await this.o.refresh(this.tokens.refreshToken);
    } catch (error) {
      if (error instanceof GrantRevokedError) {
        this.revoked = new GrantRevokedError(this.o.accountName, { cause: error });
        throw this.revoked;
      }
      // Offline or Harvest down: a token that hasn't been refused nor expired still works until it does.
      if (!this.stale && this.o.clock.now().getTime() < Date.parse(this.tokens.expiresAt)) return this.tokens;
      throw error;
    }
    try {
      await this.o.onTokens(next);
    } finally {
      // Kept even when saving failed: Harvest may have retired the old refresh token, so these are the only
      // good ones now; the caller hears of the failed save from this call.
      this.tokens = next;
      this.obtainedAtMs = this.o.clock.now().getTime();
      this.stale = false;
    }
    return next;
  }
}
