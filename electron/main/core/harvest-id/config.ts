// Owns where "Sign in with Harvest" gets its settings: HARVEST_ID_URL and Sheaf's OAuth2 app (client id and secret).
import { withoutTrailingSlash } from '../harvest/env';

export const DEFAULT_HARVEST_ID_URL = 'https://id.getharvest.com';

export interface HarvestIdConfig {
  /** Harvest ID's origin (https://id.getharvest.com); the sandbox answers under http://127.0.0.1:PORT/id. */
  baseUrl: string;
  /** Sheaf's OAuth2 app in Harvest ID's Developers section; null turns "Sign in with Harvest" off. */
  clientId: string | null;
  /**
   * Harvest's token endpoint requires a client secret even for a desktop app, so Sheaf ships one (set at build
   * or run time). That is acceptable because RFC 8252 §8.5 says a secret in a distributed native app is not
   * confidential and must not be relied on to identify the client: what protects the code is the loopback
   * redirect only this computer can receive (§7.3, §8.3), `state` against forged answers (RFC 6749 §10.12), and
   * PKCE (RFC 7636), sent although Harvest doesn't document honouring it. Treat the secret as public; never as
   * proof that a request came from Sheaf.
   */
  clientSecret: string | null;
  /**
   * The loopback port, when Sheaf's app at Harvest is registered with one fixed redirect URL. Unset: any free
   * port, which RFC 8252 §7.3 says an authorization server must accept for a loopback redirect.
   */
  redirectPort?: number;
}

/**
 * HARVEST_ID_URL (default https://id.getharvest.com), SHEAF_OAUTH_CLIENT_ID, SHEAF_OAUTH_CLIENT_SECRET and
 * SHEAF_OAUTH_REDIRECT_PORT. Blank counts as unset, as for HARVEST_ACCESS_TOKEN, so `SHEAF_OAUTH_CLIENT_ID=`
 * in a .env file means "no sign-in button", not an empty client id.
 */
export function harvestIdFromEnv(env: Record<string, string | undefined>): HarvestIdConfig {
  const config: HarvestIdConfig = {
    baseUrl: withoutTrailingSlash(nonBlank(env.HARVEST_ID_URL) ?? DEFAULT_HARVEST_ID_URL),
    clientId: nonBlank(env.SHEAF_OAUTH_CLIENT_ID) ?? null,
    clientSecret: nonBlank(env.SHEAF_OAUTH_CLIENT_SECRET) ?? null,
  };
  const port = Number(nonBlank(env.SHEAF_OAUTH_REDIRECT_PORT));
  // Anything but a whole port number is ignored rather than fatal: a free port still works with most servers.
  if (Number.isInteger(port) && port > 0 && port < 65_536) config.redirectPort = port;
  return config;
}

/**
 * Whether the sign-in button is offered at all: it needs Sheaf's client id and its secret, since Harvest's token
 * endpoint refuses an exchange without the secret, after the person has already said yes in the browser.
 */
export function signInWithHarvestOffered(config: HarvestIdConfig): boolean {
  return signInWithHarvestProblem(config) === null;
}

/** Why "Sign in with Harvest" can't start in this Sheaf, naming what to set; null when it can. */
export function signInWithHarvestProblem(config: HarvestIdConfig): string | null {
  if (config.clientId === null && config.clientSecret === null)
    return 'Sign in with Harvest is not set up in this Sheaf (SHEAF_OAUTH_CLIENT_ID and SHEAF_OAUTH_CLIENT_SECRET are not set).';
  if (config.clientSecret === null)
    return "Sign in with Harvest can't start: SHEAF_OAUTH_CLIENT_ID is set but SHEAF_OAUTH_CLIENT_SECRET isn't, and Harvest needs both.";
  if (config.clientId === null)
    return "Sign in with Harvest can't start: SHEAF_OAUTH_CLIENT_SECRET is set but SHEAF_OAUTH_CLIENT_ID isn't, and Harvest needs both.";
  return null;
}

function nonBlank(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}
