// Owns the one OAuth2 application the sandbox's Harvest ID knows: its client id and secret, how long its codes
// and access tokens live, and which redirect URIs it may send a person back to.
import { isLoopbackHost } from '../http';
import type { HarvestIdOptions } from '../types';

export const HARVEST_ID_DEFAULTS = {
  clientId: 'sheaf-sandbox-client',
  clientSecret: 'sheaf-sandbox-secret',
  // What Harvest ID's token endpoint answers as expires_in today (14 days less a second); the older docs said
  // 18 hours (64799). Clients must read expires_in rather than assume either.
  accessTokenTtlSeconds: 1_209_599,
  // Harvest doesn't document a code's lifetime; RFC 6749 §4.1.2 recommends at most 10 minutes.
  codeTtlSeconds: 600,
} as const;

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  accessTokenTtlMs: number;
  codeTtlMs: number;
  autoDecision: 'allow' | 'deny' | undefined;
}

export function oauthClient(options: HarvestIdOptions = {}): OAuthClient {
  return {
    clientId: options.clientId ?? HARVEST_ID_DEFAULTS.clientId,
    clientSecret: options.clientSecret ?? HARVEST_ID_DEFAULTS.clientSecret,
    accessTokenTtlMs: (options.accessTokenTtlSeconds ?? HARVEST_ID_DEFAULTS.accessTokenTtlSeconds) * 1000,
    codeTtlMs: (options.codeTtlSeconds ?? HARVEST_ID_DEFAULTS.codeTtlSeconds) * 1000,
    autoDecision: options.autoDecision,
  };
}

/**
 * A desktop app receives the code on a loopback listener at whatever port it got (RFC 8252 §7.3: any port, http,
 * 127.0.0.1 / [::1] / localhost). Harvest says a redirect_uri "needs to start with the Redirect URL registered
 * with your Application"; whether Harvest ID accepts a loopback port other than the registered one is not
 * documented, so the sandbox registers no URL and takes any loopback http URL, and nothing else.
 */
export function isLoopbackRedirect(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  // A fragment can't carry the code back (RFC 6749 §3.1.2), and a user:password@ would disguise the host.
  return (
    url.protocol === 'http:' && isLoopbackHost(url.hostname) && !url.hash && !url.username && !url.password
  );
}
