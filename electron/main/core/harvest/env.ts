// Owns where the Harvest client's connection settings come from: HARVEST_API_URL / _ACCESS_TOKEN / _ACCOUNT_ID.

export const DEFAULT_HARVEST_BASE_URL = 'https://api.harvestapp.com/v2';

export interface HarvestEnvConfig {
  baseUrl: string;
  token?: string;
  accountId?: string;
}

/** Blank values count as unset, so `HARVEST_ACCESS_TOKEN=` in a .env file means "no token", not "empty token". */
export function harvestConfigFromEnv(env: NodeJS.ProcessEnv): HarvestEnvConfig {
  const baseUrl = nonBlank(env.HARVEST_API_URL) ?? DEFAULT_HARVEST_BASE_URL;
  return {
    baseUrl: withoutTrailingSlash(baseUrl),
    token: nonBlank(env.HARVEST_ACCESS_TOKEN),
    accountId: nonBlank(env.HARVEST_ACCOUNT_ID),
  };
}

export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function nonBlank(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
