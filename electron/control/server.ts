// Owns the control socket the `sheaf` command talks to: listening in the data folder where only this user can
// reach it, one JSON line per request, each checked and handed to dispatch (or to the host's own show and
// openLink), one JSON line back. No TCP port: nothing off this computer, and no other user on it, gets in.
import { chmod, lstat, mkdir, stat, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Socket } from 'node:net';
import type { CommandHandlers } from '../../shared/ipc';
import type { Notifier } from '../main/core/ports';
import { dispatch } from '../main/dispatch';
import { refuse, serveConnection, turnAwayBusy } from './connection';
import { openLink } from './open-link';
import {
  ControlRequest,
  HostRequest,
  controlLimits,
  controlSocketPath,
  scriptCommands,
  type ControlAnswer,
  type ControlLimits,
} from './protocol';

export interface ControlOptions {
  dataDir: string;
  handlers: CommandHandlers;
  showPopover(): void;
  /** Where a refused link says what was wrong. */
  notifier?: Notifier;
  log: (line: string) => void;
  platform?: NodeJS.Platform;
  /** Tests tighten these to see them hold. */
  limits?: Partial<ControlLimits>;
}

export interface Control {
  /** Where scripts reach this Sheaf, or null when it could not listen (the log says why). */
  path: string | null;
  /** A link from the OS (open-url, a second launch's argv), followed exactly as `sheaf open` follows one. */
  openLink(link: string): Promise<ControlAnswer>;
  close(): Promise<void>;
}

/** Most Unix systems cap a socket's path at 104 bytes (macOS) or 108 (Linux), the terminating NUL included. */
const maxSocketPathBytes = 103;

export async function startControl(o: ControlOptions): Promise<Control> {
  const platform = o.platform ?? process.platform;
  const path = controlSocketPath(o.dataDir, platform);
  const follow = (link: unknown) => openLink(link, o);
  const idle: Control = { path: null, openLink: follow, close: async () => {} };

  if (platform !== 'win32') {
    const problem = await prepareFolder(o.dataDir, path).catch((err: unknown) => String(err));
    if (problem) {
      o.log(`scripts can't reach this Sheaf: ${problem}`);
      return idle;
    }
  }

  async function answer(line: string): Promise<ControlAnswer> {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return refuse('A request is one line of JSON.');
    }
    const request = ControlRequest.safeParse(message);
    if (!request.success) return refuse('A request is {"command": …, "input": …}.');
    const { command, input } = request.data;
    if ((scriptCommands as readonly string[]).includes(command))
      return dispatch(o.handlers, command, input, o.log);
    const host = HostRequest.safeParse(message);
    if (!host.success) return refuse(`Scripts can't ask Sheaf to ${JSON.stringify(command.slice(0, 40))}.`);
    if (host.data.command === 'show') {
      o.showPopover();
      return { ok: true, value: undefined };
    }
    return follow(host.data.input.link);
  }

  const limits = { ...controlLimits, ...o.limits };
  const connections = new Set<Socket>();
  const server = createServer((socket) => {
    // Past the cap a script is told Sheaf is busy, rather than finding the door shut without a word (EPIPE).
    if (connections.size >= limits.connections) return turnAwayBusy(socket);
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    serveConnection(socket, answer, limits, o.log);
  });

  try {
    await new Promise<void>((ready, fail) => {
      server.once('error', fail);
      server.listen({ path, readableAll: false, writableAll: false }, () => {
        server.off('error', fail);
        ready();
      });
    });
    // The folder (700) already keeps other users out; the socket's own 600 is the second lock on the same door.
    // On Windows the pipe's default security lets only this user (and administrators) write to it.
    if (platform !== 'win32') await chmod(path, 0o600);
  } catch (err) {
    server.close();
    o.log(`scripts can't reach this Sheaf: listening on ${path} failed: ${String(err)}`);
    return idle;
  }

  let closing: Promise<void> | undefined;
  return {
    path,
    openLink: follow,
    close() {
      closing ??= (async () => {
        for (const socket of connections) socket.destroy();
        await new Promise<void>((done) => server.close(() => done()));
        // Node removes a Unix socket when its server closes; a pipe has no file at all.
        if (platform !== 'win32') await unlink(path).catch(() => {});
      })();
      return closing;
    },
  };
}

/**
 * The data folder only its owner may enter, and no live socket in the way. Node can't ask a Unix socket who is
 * calling (SO_PEERCRED), so the file modes are what refuse another user; the client checks the owner too.
 */
async function prepareFolder(dataDir: string, path: string): Promise<string | null> {
  if (Buffer.byteLength(path) > maxSocketPathBytes)
    return `the data folder's path is too long for a socket (${path})`;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const folder = await stat(dataDir);
  if (folder.uid !== process.getuid?.()) return `the data folder ${dataDir} belongs to another user`;
  await chmod(dataDir, 0o700);
  const existing = await lstat(path).catch(() => null);
  if (!existing) return null;
  if (!existing.isSocket()) return `${path} is in the way and isn't a socket; move it and restart Sheaf`;
  if (await answers(path)) return `another Sheaf already answers scripts from ${dataDir}`;
  // Left behind by a Sheaf that didn't get to close (a crash, a kill -9): nobody is listening.
  await unlink(path);
  return null;
}

function answers(path: string): Promise<boolean> {
  return new Promise((done) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      done(true);
    });
    probe.once('error', () => done(false));
  });
}
