// Owns what Sheaf keeps in the OS keychain: every account signed in to, the grant each uses (a personal token,
// or a Harvest sign-in's access and refresh tokens, shared by the accounts that sign-in reached), and which
// account was shown last. One keychain entry per data folder, read at start; an older Sheaf's single token still
// reads. An entry that can't be read is never written over, and a save that fails is told, not swallowed.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { SecretStore } from '../ports';

/** The entry every Sheaf before per-folder entries wrote, whatever its data folder. */
const sharedEntry = 'harvest';

/**
 * The keychain entry for a data folder. Each folder has its own, because two Sheafs on different folders (the
 * app and a test run, or the app and the preview) each hold their own accounts' data: one shared entry meant the
 * last to save dropped the other's accounts, and merging by account would sign a test run in to the person's
 * real accounts. The host's default folder keeps the old name, so an existing sign-in is read as it is, with
 * nothing to migrate; any other folder (SHEAF_DATA_DIR) is named by a hash of its path (no path in the keychain).
 */
export function keychainEntryFor(dataDir: string, defaultDataDir?: string): string {
  const folder = resolve(dataDir);
  if (defaultDataDir !== undefined && folder === resolve(defaultDataDir)) return sharedEntry;
  return `${sharedEntry} ${createHash('sha256').update(folder).digest('hex').slice(0, 16)}`;
}

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

/**
 * The record as stored: nothing stored is no accounts, an older single token a record of one account; text that
 * is there but can't be read (junk, or a shape a newer Sheaf wrote) is null, so that nothing writes over it.
 */
export function readKeychainRecord(text: string | null): KeychainRecord | null {
  if (!text) return emptyKeychain();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const record = KeychainRecord.safeParse(json);
  if (record.success) return withoutStrays(record.data);
  const single = SingleToken.safeParse(json);
  if (!single.success) return null;
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

/** What the person is told when the keychain lets them down; each says what happened to their accounts. */
export const keychainMessages = {
  unreadable:
    "Sheaf couldn't read your accounts from the keychain (it may be locked, or it didn't answer). They are " +
    'still there, untouched: unlock the keychain and restart Sheaf to see them.',
  unparseable:
    "Sheaf couldn't make sense of the accounts it keeps in the keychain (a newer Sheaf may have saved them), so " +
    "it left them as they are. Accounts you sign in to now won't be remembered after Sheaf quits.",
  notWrittenOver:
    "Sheaf didn't save this change to the keychain: it couldn't read the accounts already there and won't " +
    'write over them. It tries again with your next change; until then, sign-ins last until Sheaf quits.',
  saveFailed:
    "Sheaf couldn't save your sign-in to the keychain, so you'll need to sign in again after Sheaf restarts.",
  removeFailed:
    "Sheaf couldn't remove your sign-in from the keychain, so Sheaf may sign you in again when it restarts.",
} as const;

/** `found`: the entry was there (an empty answer may be a locked keyring that couldn't ask to be unlocked). */
type Read = { ok: true; record: KeychainRecord; found: boolean } | { ok: false; message: string };
type Change = (record: KeychainRecord) => KeychainRecord;

/**
 * The folder's keychain entry, written whole after every change; one change at a time. "Unreadable" is not
 * "missing": while the stored entry can't be read, changes are kept here and nothing is written, and each later
 * save reads again (the keychain may have been unlocked since) and, once it can, applies them to what is stored.
 * Nothing found at start is read again before the first write too: a locked Secret Service whose unlock prompt
 * was dismissed (or can't be shown) answers "nothing" through keytar, and the next prompt may be accepted.
 */
export class Keychain {
  private record: KeychainRecord = emptyKeychain();
  /** Changes made since a read failed or found nothing, in order; null while what is stored is known. */
  private unsaved: Change[] | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly secrets: SecretStore,
    private readonly entry: string,
    /** Tells the person (a notice): a read or a save that failed. */
    private readonly tell: (message: string) => void,
  ) {}

  async load(): Promise<KeychainRecord> {
    const read = await this.read();
    if (read.ok) {
      this.record = read.record;
      this.unsaved = read.found ? null : [];
    } else {
      this.record = emptyKeychain();
      this.unsaved = [];
      this.tell(read.message);
    }
    return this.record;
  }

  /** Saves `change(record)`; an empty record removes the entry. Never rejects: a failure is told instead. */
  save(change: Change): Promise<void> {
    this.record = change(this.record);
    this.unsaved?.push(change);
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private async write(): Promise<void> {
    let record = this.record;
    if (this.unsaved) {
      const read = await this.read();
      if (!read.ok) return this.tell(keychainMessages.notWrittenOver);
      // Readable now: what is stored, with every change made meanwhile, so no account there is lost.
      record = this.record = this.unsaved.reduce((r, c) => c(r), read.record);
      this.unsaved = null;
    }
    const removing = record.accounts.length === 0;
    try {
      if (removing) await this.secrets.delete(this.entry);
      else await this.secrets.set(this.entry, JSON.stringify(record));
    } catch {
      this.tell(removing ? keychainMessages.removeFailed : keychainMessages.saveFailed);
    }
  }

  private async read(): Promise<Read> {
    let text: string | null;
    try {
      text = await this.secrets.get(this.entry);
    } catch {
      return { ok: false, message: keychainMessages.unreadable };
    }
    const record = readKeychainRecord(text);
    if (!record) return { ok: false, message: keychainMessages.unparseable };
    return { ok: true, record, found: Boolean(text) };
  }
}
