// Owns Harvest ID's token endpoint: trading the one-time code for tokens, refreshing them, and its refusals.
import { z } from 'zod';
import type { Clock, Fetch } from '../ports';
import { BadResponseError, type HarvestError } from '../harvest/errors';
import { ErrorBody } from '../../../../shared/harvest/schemas';
import type { HarvestIdConfig } from './config';
import {
  GrantRevokedError,
  HarvestAppSettingsError,
  SignInExpiredError,
  SignInNotSetUpError,
} from './errors';
import { idError, idRequest, parseBody, type IdAnswer } from './request';

export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  /** ISO instant: when the access token stops working (Harvest's last 18 hours). */
  expiresAt: string;
}

/**
 * RFC 6749 §5.1, as Harvest answers it: {access_token, refresh_token, token_type: "bearer", expires_in}. A
 * refresh may leave refresh_token out (§6: the server MAY issue a new one); the old one then stays good.
 */
const TokenAnswer = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  token_type: z.string().regex(/^bearer$/i, 'token_type is not bearer'),
  expires_in: z.number().positive(),
});

interface TokenRequestBase {
  config: HarvestIdConfig;
  fetch: Fetch;
  clock: Clock;
  userAgent?: string;
  signal?: AbortSignal;
}

export interface CodeExchange extends TokenRequestBase {
  code: string;
  /** The very redirect_uri the authorize request carried (RFC 6749 §4.1.3). */
  redirectUri: string;
  codeVerifier: string;
}

/** Trades the code from the loopback redirect for tokens (grant_type=authorization_code). */
export async function exchangeCode(o: CodeExchange): Promise<OAuthTokens> {
  const answer = await postToken(o, {
    grant_type: 'authorization_code',
    code: o.code,
    redirect_uri: o.redirectUri,
    code_verifier: o.codeVerifier,
  });
  const body = parseBody(TokenAnswer, answer.text);
  // Without one Sheaf would sign the person out when the access token lapses; Harvest always sends one here.
  if (body.refresh_token === undefined) throw new BadResponseError('refresh_token is missing');
  return tokensFrom(body, body.refresh_token, o.clock);
}

export interface TokenRefresh extends TokenRequestBase {
  refreshToken: string;
}

/** A new access token for the refresh token (grant_type=refresh_token); a refused one is GrantRevokedError. */
export async function refreshTokens(o: TokenRefresh): Promise<OAuthTokens> {
  const answer = await postToken(o, { grant_type: 'refresh_token', refresh_token: o.refreshToken });
  const body = parseBody(TokenAnswer, answer.text);
  return tokensFrom(body, body.refresh_token ?? o.refreshToken, o.clock);
}

function tokensFrom(body: z.infer<typeof TokenAnswer>, refreshToken: string, clock: Clock): OAuthTokens {
  return {
    accessToken: body.access_token,
    refreshToken,
    // From our clock at the answer: a little early by the request's flight time, which is the safe side.
    expiresAt: new Date(clock.now().getTime() + body.expires_in * 1000).toISOString(),
  };
}

type Grant =
  | { grant_type: 'authorization_code'; code: string; redirect_uri: string; code_verifier: string }
  | { grant_type: 'refresh_token'; refresh_token: string };

async function postToken(o: TokenRequestBase, grant: Grant): Promise<IdAnswer> {
  const { clientId, clientSecret, baseUrl } = o.config;
  if (clientId === null || clientSecret === null) throw new SignInNotSetUpError();
  // Client credentials in the body, as Harvest's docs show (RFC 6749 §2.3.1 allows it alongside Basic).
  const form = new URLSearchParams({ ...grant, client_id: clientId, client_secret: clientSecret });
  const answer = await idRequest({
    url: `${baseUrl}/api/v2/oauth2/token`,
    method: 'POST',
    form,
    fetch: o.fetch,
    userAgent: o.userAgent,
    signal: o.signal,
    unreachable:
      grant.grant_type === 'authorization_code'
        ? "Can't reach Harvest to finish signing in. Check your connection and sign in again."
        : undefined,
  });
  if (answer.status >= 200 && answer.status < 300) return answer;
  const secrets = [clientSecret, ...Object.values(grant)].filter((s) => s.length >= 8);
  throw tokenError(answer, grant.grant_type, o.clock, (text) =>
    secrets.reduce((t, s) => t.split(s).join('[redacted]'), text),
  );
}

/** RFC 6749 §5.2's error codes, read from the JSON body, in the person's words. */
export function tokenError(
  answer: IdAnswer,
  grantType: Grant['grant_type'],
  clock: Clock,
  redact: (text: string) => string = (t) => t,
): Error {
  const error = oauthErrorCode(answer.text);
  // invalid_grant: "expired, revoked, … or was issued to another client" (§5.2).
  if (error === 'invalid_grant')
    return grantType === 'refresh_token' ? new GrantRevokedError() : new SignInExpiredError();
  // 401 is §5.2's answer to failed client authentication; unauthorized_client is the app not allowed this grant.
  if (error === 'invalid_client' || error === 'unauthorized_client' || answer.status === 401)
    return new HarvestAppSettingsError();
  return idError(answer, clock, redact) satisfies HarvestError;
}

function oauthErrorCode(text: string): string | undefined {
  try {
    return ErrorBody.safeParse(JSON.parse(text)).data?.error;
  } catch {
    return undefined;
  }
}
