// Owns the `sheaf` command's end of the control socket: finding the running Sheaf's socket, making sure it is
// this user's before saying anything to it, and asking it one JSON line at a time.
import { lstat } from 'node:fs/promises';
import { createConnection, type Socket } from 'node:net';
import {
  busyMessage,
  controlSocketPath,
  defaultDataDirs,
  lineReader,
  maxAnswerBytes,
  type ControlAnswer,
} from '../../electron/control/wire';

export interface SheafConnection {
  request(command: string, input?: unknown): Promise<ControlAnswer>;
  close(): void;
}

export type Reached =
  | { ok: true; connection: SheafConnection }
  | { ok: false; notRunning: true }
  | { ok: false; notRunning: false; message: string };

const notRunning = { ok: false, notRunning: true } as const;

/** SHEAF_DATA_DIR when set; else every folder a Sheaf uses by default, the desktop app's first. */
export async function reachSheaf(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): Promise<Reached> {
  const dirs = env.SHEAF_DATA_DIR ? [env.SHEAF_DATA_DIR] : defaultDataDirs(env, platform);
  for (const dir of dirs) {
    const path = controlSocketPath(dir, platform);
    if (platform !== 'win32') {
      const file = await lstat(path).catch(() => null);
      if (!file) {
        // Sheaf may be running but unable to make its socket here (a read-only folder): say that, not "not running".
        // Loaded only here: the folder checks pull in the data folder's file code, which a status call never needs.
        const { socketFolderDenied } = await import('../../electron/control/socket-folder');
        const denied = await socketFolderDenied(dir, path);
        if (denied) return refused(denied);
        continue;
      }
      // Node can't read the peer's credentials, so the check is the file's: a socket someone else made (or a
      // file posing as one) is never written to, whatever it would answer.
      if (!file.isSocket()) return refused(`${path} isn't Sheaf's socket; Sheaf won't talk to it.`);
      if (file.uid !== process.getuid?.()) {
        return refused(`${path} belongs to another user; Sheaf won't talk to it.`);
      }
    }
    const socket = await connect(path);
    if (socket) return { ok: true, connection: lines(socket) };
  }
  return notRunning;
}

const refused = (message: string): Reached => ({ ok: false, notRunning: false, message });

/** Null when nobody listens (no pipe, or a socket file left behind by a Sheaf that crashed). */
function connect(path: string): Promise<Socket | null> {
  return new Promise((done) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      done(socket);
    });
    socket.once('error', () => done(null));
  });
}

function lines(socket: Socket): SheafConnection {
  const waiting: Array<{ done: (a: ControlAnswer) => void; fail: (e: Error) => void }> = [];
  const read = lineReader(maxAnswerBytes);
  const failAll = (err: Error) => {
    for (const w of waiting.splice(0)) w.fail(err);
  };
  // What Sheaf said before anyone asked (it is busy, and closing): the reason a request then fails.
  let toldBeforeAsked: ControlAnswer | null = null;
  socket.on('data', (chunk: Buffer) => {
    const lines = read(chunk);
    if (lines === null) {
      failAll(new Error('Sheaf answered more than a script can read.'));
      socket.destroy();
      return;
    }
    for (const line of lines) {
      try {
        const answer = JSON.parse(line) as ControlAnswer;
        const asker = waiting.shift();
        if (asker) asker.done(answer);
        else toldBeforeAsked = answer;
      } catch {
        failAll(new Error('Sheaf answered something that is not JSON.'));
        socket.destroy();
      }
    }
  });
  const told = () => (toldBeforeAsked && !toldBeforeAsked.ok ? toldBeforeAsked.error.message : null);
  socket.on('error', (err: NodeJS.ErrnoException) => {
    // A socket closed under a write (EPIPE, ECONNRESET) is a Sheaf turning scripts away, not the person's mistake.
    const cut = err.code === 'EPIPE' || err.code === 'ECONNRESET';
    failAll(cut ? new Error(told() ?? busyMessage) : err);
  });
  socket.on('close', () =>
    failAll(new Error(told() ?? 'Sheaf closed the connection before answering (did it quit?).')),
  );
  return {
    request(command, input) {
      return new Promise((done, fail) => {
        if (toldBeforeAsked) return done(toldBeforeAsked);
        if (socket.destroyed) return fail(new Error(busyMessage));
        waiting.push({ done, fail });
        socket.write(`${JSON.stringify(input === undefined ? { command } : { command, input })}\n`);
      });
    },
    close: () => socket.end(),
  };
}
