// Owns the control socket the `sheaf` command talks to: listening in the data folder where only this user can
// reach it, one JSON line per request, each checked and handed to dispatch (or to the host's own show and
// openLink), one JSON line back. No TCP port: nothing off this computer, and no other user on it, gets in.
import { chmod, unlink } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import type { CommandHandlers } from '../../shared/ipc';
import type { Notifier } from '../main/core/ports';
import { dispatch } from '../main/dispatch';
import { refuse, serveConnection, turnAwayBusy } from './connection';
import { openLink } from './open-link';
import { prepareSocketFolder } from './socket-folder';
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
  /** Why not, when the person should hear it (their data folder won't take the socket); for the notices. */
  problem: string | null;
  /** A link from the OS (open-url, a second launch's argv), followed exactly as `sheaf open` follows one. */
  openLink(link: string): Promise<ControlAnswer>;
  close(): Promise<void>;
}

export async function startControl(o: ControlOptions): Promise<Control> {
  const platform = o.platform ?? process.platform;
  const path = controlSocketPath(o.dataDir, platform);
  const follow = (link: unknown) => openLink(link, o);
  const idle: Control = { path: null, problem: null, openLink: follow, close: async () => {} };

  if (platform !== 'win32') {
    const found = await prepareSocketFolder(o.dataDir, path).catch((err: unknown) => ({
      problem: String(err),
      tell: false,
    }));
    if (found) {
      o.log(`scripts can't reach this Sheaf: ${found.problem}`);
      // A folder the person pointed Sheaf at, which it can't use: said in the popover, not only in a log.
      return { ...idle, problem: found.tell ? found.problem : null };
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
    // `sheaf open` prints why on stderr: the person hears it once, there, not in a notification as well.
    return openLink(host.data.input.link, { ...o, notifier: undefined });
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
    // The subfolder (700) already keeps other users out; the socket's own 600 is a second lock on the same door.
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
    problem: null,
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
