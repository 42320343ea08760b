// Owns Harvest ID's OAuth2 grants: the codes a consent hands out, the access and refresh tokens they are
// exchanged for, which accounts each reaches, and when they stop working (expiry by the sandbox clock, revocation).
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../../shared/clock';
import type { OAuthClient } from './client';

/** Who signs in at Harvest ID: the person, or (in tests) someone else in the same browser. */
export interface Person {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
}

/** One person's "Allow" for one client: every token it yields reaches the same accounts, as that person. */
interface Grant {
  person: Person;
  accountIds: readonly string[];
  refreshToken: string;
  revoked: boolean;
}

interface PendingCode {
  grant: Grant;
  redirectUri: string;
  /** The S256 challenge the authorize request carried, if any: then only its verifier redeems the code. */
  codeChallenge: string | null;
  expiresMs: number;
}

interface AccessToken {
  grant: Grant;
  expiresMs: number;
}

/** RFC 6749 §5.1's successful answer; Harvest ID sends exactly these four fields. */
export interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  token_type: 'bearer';
  expires_in: number;
}

/** Why a code or refresh token was refused, in words for error_description. */
export type Refusal = { refused: string };

// Unguessable, unlike the seed data: a token is a secret even in a sandbox, and tests must not predict one.
const secret = (kind: string) => `sandbox.${kind}.${randomBytes(24).toString('base64url')}`;

export class GrantBook {
  private readonly codes = new Map<string, PendingCode>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, Grant>();
  private issued = 0;

  constructor(
    private readonly client: OAuthClient,
    private readonly clock: Clock,
  ) {}

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  /** A person allowed access to these accounts: a new grant, and the single-use code that stands for it. */
  issueCode(
    person: Person,
    accountIds: readonly string[],
    redirectUri: string,
    codeChallenge: string | null = null,
  ): string {
    const grant: Grant = { person, accountIds: [...accountIds], refreshToken: secret('rt'), revoked: false };
    this.refreshTokens.set(grant.refreshToken, grant);
    this.issued += 1;
    const code = secret('code');
    this.codes.set(code, {
      grant,
      redirectUri,
      codeChallenge,
      expiresMs: this.nowMs() + this.client.codeTtlMs,
    });
    return code;
  }

  /**
   * Codes are single-use (RFC 6749 §4.1.2): a second exchange is refused like an unknown code. When the token
   * request names a redirect_uri it must be the one the code was sent to (§4.1.3): Harvest's documented token
   * request carries redirect_uri beside the code (help.getharvest.com, "Authentication" and "For Server-Side
   * Applications"), though its docs don't say what a mismatch gets, so the sandbox does what §4.1.3 requires.
   * A code issued with a PKCE challenge needs the verifier that hashes to it (RFC 7636 §4.6); a wrong or
   * missing one uses the code up (see routes.ts on what Harvest ID documents of PKCE: nothing).
   */
  redeem(code: string, redirectUri: string | undefined, codeVerifier?: string): TokenAnswer | Refusal {
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending || pending.grant.revoked)
      return { refused: 'The authorization code is invalid or was already used.' };
    if (pending.expiresMs <= this.nowMs()) return { refused: 'The authorization code has expired.' };
    if (redirectUri !== undefined && redirectUri !== pending.redirectUri)
      return { refused: 'The redirect_uri does not match the one the authorization code was issued to.' };
    if (pending.codeChallenge !== null) {
      if (codeVerifier === undefined)
        return { refused: 'code_verifier is required for this authorization code.' };
      const challenge = createHash('sha256').update(codeVerifier).digest('base64url');
      if (challenge !== pending.codeChallenge)
        return { refused: 'The code_verifier does not match the code_challenge.' };
    }
    return this.answer(pending.grant);
  }

  /** A refresh keeps the grant's refresh token (Harvest ID answers one on every refresh; the same one is fine). */
  refresh(refreshToken: string): TokenAnswer | Refusal {
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant || grant.revoked) return { refused: 'The refresh token is invalid or has been revoked.' };
    return this.answer(grant);
  }

  private answer(grant: Grant): TokenAnswer {
    const accessToken = secret('at');
    this.accessTokens.set(accessToken, { grant, expiresMs: this.nowMs() + this.client.accessTokenTtlMs });
    return {
      access_token: accessToken,
      refresh_token: grant.refreshToken,
      token_type: 'bearer',
      expires_in: Math.round(this.client.accessTokenTtlMs / 1000),
    };
  }

  /** The accounts a live access token reaches; undefined for an unknown, expired or revoked one. */
  accountsFor(accessToken: string): readonly string[] | undefined {
    const token = this.accessTokens.get(accessToken);
    if (!token || token.grant.revoked || token.expiresMs <= this.nowMs()) return undefined;
    return token.grant.accountIds;
  }

  /** Whom a live access token belongs to (who pressed Allow); undefined where accountsFor is. */
  personFor(accessToken: string): Person | undefined {
    return this.accountsFor(accessToken) ? this.accessTokens.get(accessToken)!.grant.person : undefined;
  }

  /** Every grant revoked (the person removed the app in Harvest ID): codes, access and refresh tokens stop. */
  revokeAll(): void {
    for (const grant of this.refreshTokens.values()) grant.revoked = true;
  }

  /** Every access token issued so far is now past its expiry; refresh tokens still work. */
  expireAccessTokens(): void {
    const now = this.nowMs();
    for (const token of this.accessTokens.values()) token.expiresMs = Math.min(token.expiresMs, now);
  }

  /** How many grants people have allowed (one per "Allow"). */
  count(): number {
    return this.issued;
  }
}
