// Owns Harvest ID's accounts endpoint: who the token belongs to and which Harvest (and Forecast) accounts it reaches.
import { z } from 'zod';
import { systemClock, type Clock, type Fetch } from '../ports';
import { idError, idRequest, parseBody } from './request';

export interface HarvestIdAccount {
  /** As the Harvest-Account-Id header takes it; a number on the wire. */
  id: string;
  name: string;
  product: 'harvest' | 'forecast' | (string & {});
}

export interface HarvestIdUser {
  id: number;
  name: string;
  email: string;
}

const Accounts = z.looseObject({
  user: z.looseObject({
    id: z.number(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    email: z.string(),
  }),
  accounts: z.array(z.looseObject({ id: z.number(), name: z.string(), product: z.string() })),
});

export interface ListAccountsOptions {
  baseUrl: string;
  fetch: Fetch;
  /** An OAuth access token or a Personal Access Token: both reach this endpoint with no account id. */
  token: string;
  userAgent?: string;
  clock?: Clock;
  signal?: AbortSignal;
}

/**
 * GET id.getharvest.com/api/v2/accounts (Harvest API v2 docs, "Authentication"): the user and every account the
 * token may use. A Personal Access Token works too, so nobody needs to type an account id.
 */
export async function listAccounts(
  o: ListAccountsOptions,
): Promise<{ user: HarvestIdUser; accounts: HarvestIdAccount[] }> {
  const answer = await idRequest({
    url: `${o.baseUrl}/api/v2/accounts`,
    method: 'GET',
    headers: { Authorization: `Bearer ${o.token}` },
    fetch: o.fetch,
    userAgent: o.userAgent,
    signal: o.signal,
  });
  if (answer.status < 200 || answer.status >= 300)
    throw idError(answer, o.clock ?? systemClock, (text) => text.split(o.token).join('[token]'));
  const { user, accounts } = parseBody(Accounts, answer.text);
  return {
    user: {
      id: user.id,
      name: [user.first_name, user.last_name].filter((part) => part?.trim()).join(' ') || user.email,
      email: user.email,
    },
    accounts: accounts.map((account) => ({
      id: String(account.id),
      name: account.name,
      product: account.product,
    })),
  };
}

/** Sheaf tracks time in Harvest; a Forecast account in the list is not one it can use. */
export const harvestAccountsOnly = (accounts: HarvestIdAccount[]): HarvestIdAccount[] =>
  accounts.filter((account) => account.product === 'harvest');
