// Owns the core's child process as the fault-injection run drives it: fork host.ts, send an op and wait for its
// reply (30 s at most), SIGKILL it and start it again on the same data directory.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Op, Reply, Summary } from './drive';

export interface Core {
  /** What the core last showed: from its first answer, then from every reply. */
  readonly state: Summary;
  readonly kills: number;
  send(op: Op): Promise<Reply>;
  /** SIGKILLs the core and starts it again. */
  kill(): Promise<void>;
  /** SIGKILLs the core for good at the end of a run. */
  end(): void;
}

/**
 * Starts the core and waits for it to sign in. `env` is read at every launch (what the disk is doing carries
 * across kills); `now` says when a kill happened, for CHAOS_DEBUG.
 */
export async function startCore(env: () => Record<string, string>, now: () => string): Promise<Core> {
  let child: ChildProcess | null = null;
  let state: Summary | null = null;
  let nextId = 1;
  let kills = 0;
  const waiting = new Map<number, (r: Reply) => void>();

  async function launch(): Promise<void> {
    const c = fork(fileURLToPath(new URL('./host.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env() },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child = c;
    const ready = new Promise<Reply>((resolve, reject) => {
      waiting.set(0, resolve);
      c.once('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`core exited (${code ?? signal}) before it was ready`));
      });
    });
    c.on('message', (m) => {
      const reply = m as Reply;
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
    const first = await ready;
    if (!first.ok) throw new Error('the core did not sign in');
    state = first.state;
  }

  async function send(op: Op): Promise<Reply> {
    const id = nextId++;
    const reply = new Promise<Reply>((resolve) => waiting.set(id, resolve));
    child!.send({ id, ...op });
    // A command that never answers is a bug of its own (a save or a lock that never lets go): say which.
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`the core did not answer ${JSON.stringify(op)} in 30 s`)),
        30_000,
      );
    });
    const r = await Promise.race([reply, silence]).finally(() => clearTimeout(timer));
    state = r.state;
    return r;
  }

  async function kill(): Promise<void> {
    const c = child!;
    const gone = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGKILL');
    await gone;
    kills++;
    if (process.env.CHAOS_DEBUG) console.log(`KILL ${c.pid} at ${now()}`);
    await launch();
  }

  await launch();
  return {
    get state() {
      return state!;
    },
    get kills() {
      return kills;
    },
    send,
    kill,
    end: () => void child!.kill('SIGKILL'),
  };
}
