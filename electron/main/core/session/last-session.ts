// Owns the record of who was signed in last (last-session.json), so a cold start can show them before Harvest
// answers, and a time zone mismatch is told once. Nothing secret: the token stays in the keychain.
import { join } from 'node:path';
import { z } from 'zod';
import { AccountPrefs, type Session } from '../../../../shared/state';
import { readJson, writeJson, type ReadResult } from '../storage/local-store';

export const LastSession = z.object({
  accountId: z.string(),
  userId: z.number().int(),
  userName: z.string(),
  email: z.string(),
  accountName: z.string(),
  weeklyCapacitySeconds: z.number().nullable(),
  prefs: AccountPrefs,
  companyReadable: z.boolean(),
  /** The profile/computer zone pair the person was last told about (see zoneMismatch), so it is said once. */
  toldZoneMismatch: z.string().nullable().default(null),
});
export type LastSession = z.infer<typeof LastSession>;

/** Where one account's record is kept. */
export const sessionRecordPath = (dataDir: string, accountId: string): string =>
  join(dataDir, 'sessions', `${accountId.replace(/\D/g, '')}.json`);

/**
 * One account's record, `sessions/<account id>.json`. Before several accounts there was one `last-session.json`;
 * it is still read for its account until that account's own record is written.
 */
export class LastSessionFile {
  private readonly file: string;
  private readonly older: string;

  constructor(
    dataDir: string,
    private readonly accountId: string,
  ) {
    this.file = sessionRecordPath(dataDir, accountId);
    this.older = join(dataDir, 'last-session.json');
  }

  async read(): Promise<ReadResult<LastSession>> {
    const own = await readJson(this.file, LastSession, 'record of your last session');
    if (own.value || own.problem) return own;
    const older = await readJson(this.older, LastSession, 'record of your last session');
    return older.value && older.value.accountId !== this.accountId ? { value: null, problem: null } : older;
  }

  /** Which zone mismatch this account's person was already told about. */
  async toldZoneMismatch(): Promise<string | null> {
    const read = await this.read();
    return read.value?.accountId === this.accountId ? read.value.toldZoneMismatch : null;
  }

  /** Kept for the next cold start; a failed write only costs that start its instant view. */
  async write(last: LastSession, log?: (line: string) => void): Promise<void> {
    await writeJson(this.file, last).catch((err) => log?.(`session not saved: ${err}`));
  }
}

/** The session the person sees once signed in, from what was learnt at sign-in (or saved at the last one). */
export function signedInSession(last: LastSession, demo: boolean): Session {
  return {
    status: 'signed_in',
    demo,
    user: { id: last.userId, name: last.userName, email: last.email },
    accountName: last.accountName,
    weeklyCapacitySeconds: last.weeklyCapacitySeconds,
  };
}
