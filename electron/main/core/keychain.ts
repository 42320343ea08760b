// Owns what Sheaf keeps in the OS keychain: every account signed in to, the grant each uses (a personal token,
// or a Harvest sign-in's access and refresh tokens, shared by the accounts that sign-in reached), and which
// account was shown last. One keychain entry, read once at start; an older Sheaf's single token still reads.
import { z } from 'zod';
import type { SecretStore } from './ports';

const keychainAccount = 'harvest';

const TokenGrant = z.object({ kind: z.literal('token'), token: z.string().min(1) });
const HarvestSignIn = z.object({
  kind: z.literal('oauth'),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  expiresAt: z.string(),
});
export const StoredGrant = z.discriminatedUnion('kind', [TokenGrant, HarvestSignIn]);
export type StoredGrant = z.infer<typeof StoredGrant>;

const KeychainRecord = z.object({
  version: z.literal(2),
  grants: z.record(z.string(), StoredGrant),
  accounts: z.array(z.object({ accountId: z.string(), grantId: z.string() })),
  active: z.string().nullable(),
});
export type KeychainRecord = z.infer<typeof KeychainRecord>;

/** What Sheaf 0.1 kept: one token and its account. */
const SingleToken = z.object({ token: z.string().min(1), accountId: z.string().min(1) });

export const emptyKeychain = (): KeychainRecord => ({ version: 2, grants: {}, accounts: [], active: null });

/** The record as stored; an older single token becomes a record of one account; anything unreadable, none. */
export function readKeychainRecord(text: string | null): KeychainRecord {
  if (!text) return emptyKeychain();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return emptyKeychain();
  }
  const record = KeychainRecord.safeParse(json);
  if (record.success) return withoutStrays(record.data);
  const single = SingleToken.safeParse(json);
  if (!single.success) return emptyKeychain();
  return {
    version: 2,
    grants: { token: { kind: 'token', token: single.data.token } },
    accounts: [{ accountId: single.data.accountId, grantId: 'token' }],
    active: single.data.accountId,
  };
}

/** Accounts whose grant is missing are dropped; grants no account uses are forgotten. */
function withoutStrays(record: KeychainRecord): KeychainRecord {
  const accounts = record.accounts.filter((a) => a.grantId in record.grants);
  const used = new Set(accounts.map((a) => a.grantId));
  const grants = Object.fromEntries(Object.entries(record.grants).filter(([id]) => used.has(id)));
  const active = accounts.some((a) => a.accountId === record.active)
    ? record.active
    : (accounts[0]?.accountId ?? null);
  return { version: 2, grants, accounts, active };
}

/** Adds (or re-points) accounts to a grant, keeping the others. */
export function withAccounts(
  record: KeychainRecord,
  grantId: string,
  grant: StoredGrant,
  accountIds: readonly string[],
): KeychainRecord {
  const kept = record.accounts.filter((a) => !accountIds.includes(a.accountId));
  return withoutStrays({
    version: 2,
    grants: { ...record.grants, [grantId]: grant },
    accounts: [...kept, ...accountIds.map((accountId) => ({ accountId, grantId }))],
    active: record.active ?? accountIds[0] ?? null,
  });
}

export function withoutAccount(record: KeychainRecord, accountId: string): KeychainRecord {
  return withoutStrays({ ...record, accounts: record.accounts.filter((a) => a.accountId !== accountId) });
}

/** The keychain entry, written whole after every change; one change at a time. */
export class Keychain {
  private record: KeychainRecord = emptyKeychain();
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly secrets: SecretStore) {}

  async load(): Promise<KeychainRecord> {
    this.record = readKeychainRecord(await this.secrets.get(keychainAccount).catch(() => null));
    return this.record;
  }

  get current(): KeychainRecord {
    return this.record;
  }

  /** Saves `change(record)`; an empty record removes the entry. A keychain that refuses costs the next start. */
  save(change: (record: KeychainRecord) => KeychainRecord): Promise<void> {
    this.record = change(this.record);
    const record = this.record;
    this.writing = this.writing.then(() =>
      (record.accounts.length === 0
        ? this.secrets.delete(keychainAccount)
        : this.secrets.set(keychainAccount, JSON.stringify(record))
      ).catch(() => undefined),
    );
    return this.writing;
  }
}
