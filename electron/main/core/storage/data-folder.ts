// Owns whether a data folder is this person's to use: one another user owns is refused for everything (settings,
// cache, outbox, socket), since whoever owns it could plant outbox lines Sheaf would send with this person's token.
import { readFileSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { shownFolder } from './disk';

/** Sheaf won't use this data folder at all; the message says whose it is and what to do. */
export class ForeignDataFolderError extends Error {
  constructor(
    readonly folder: string,
    readonly ownerUid: number,
  ) {
    super(
      `Sheaf won't use the data folder ${shownFolder(folder)}: it belongs to ${userName(ownerUid)}, not to you. ` +
        'Set SHEAF_DATA_DIR to a folder of your own, or leave it unset.',
    );
    this.name = 'ForeignDataFolderError';
  }
}

/**
 * Before Sheaf reads or writes anything there. Throws ForeignDataFolderError when `dataDir` exists and another
 * user owns it. One that doesn't exist yet is made, as this user and private (700); one that exists keeps the
 * mode the person gave it. Windows has no uids; its folder rights are the OS's business.
 */
export async function openDataFolder(
  dataDir: string,
  uid: number | undefined = process.getuid?.(),
): Promise<void> {
  if (uid === undefined) return;
  const folder = await stat(dataDir).catch(() => null);
  if (folder && folder.uid !== uid) throw new ForeignDataFolderError(dataDir, folder.uid);
  // A folder that can't be made (a read-only parent) is said by whatever first needs it, in its own words.
  if (!folder) await mkdir(dataDir, { recursive: true, mode: 0o700 }).catch(() => undefined);
}

/** "the user nobody (uid 65534)", or just the uid where the name can't be read. */
export function userName(
  uid: number,
  passwd: () => string = () => readFileSync('/etc/passwd', 'utf8'),
): string {
  let name: string | undefined;
  try {
    name = passwd()
      .split('\n')
      .map((line) => line.split(':'))
      .find((fields) => fields[2] === String(uid))?.[0];
  } catch {
    // No /etc/passwd (macOS keeps users in Directory Services): the uid alone still says whose it is.
  }
  return name ? `the user ${name} (uid ${uid})` : `the user with uid ${uid}`;
}
