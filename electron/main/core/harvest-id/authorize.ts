// Owns the pure parts of the authorize step: random secrets (state, PKCE verifier), the S256 challenge, the URL.
import { createHash, randomBytes } from 'node:crypto';

/** Where the browser comes back to on the loopback; any path will do (RFC 8252 §7.3), this one says whose it is. */
export const CALLBACK_PATH = '/sheaf/signed-in';

/**
 * 32 random bytes as base64url (43 characters): RFC 7636 §4.1 recommends exactly this for the code verifier,
 * and for `state` it is twice the 128 bits an attacker would have to guess (RFC 6749 §10.10).
 */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** code_challenge = BASE64URL(SHA256(ASCII(code_verifier))), RFC 7636 §4.2. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export interface AuthorizeRequest {
  baseUrl: string;
  clientId: string;
  state: string;
  redirectUri: string;
  codeChallenge: string;
}

/**
 * Harvest's authorization code flow: GET id.getharvest.com/oauth2/authorize?client_id&response_type=code, with
 * `state` and `redirect_uri` (Harvest API v2 docs, "OAuth2 Application"), plus PKCE's challenge (RFC 7636 §4.3).
 */
export function authorizeUrl(r: AuthorizeRequest): string {
  const query = new URLSearchParams({
    client_id: r.clientId,
    response_type: 'code',
    state: r.state,
    redirect_uri: r.redirectUri,
    code_challenge: r.codeChallenge,
    code_challenge_method: 'S256',
  });
  return `${r.baseUrl}/oauth2/authorize?${query.toString()}`;
}
