// Owns the day's Harvest: the sandbox in a process of its own, so neither its heap nor its pages (the entries
// and request log it keeps all day) are counted in core's heap and RSS. Its "now" is the one the day's process
// sends before each step, and it tells its own heap when asked.
import { startSandbox } from '../../electron/sandbox/server';
import { largeAccount } from '../account';

type Message = { type: 'clock'; now: number } | { type: 'memory' } | { type: 'close' };

let now = 0;
const sandbox = await startSandbox({
  seed: largeAccount,
  rateLimit: false,
  reportsRateLimit: false,
  clock: { now: () => new Date(now) },
});
const send = (message: unknown) => process.send!(message);
send({ type: 'ready', url: sandbox.url, token: sandbox.token, accountId: sandbox.accountId });
process.on('message', (message: Message) => {
  if (message.type === 'clock') {
    now = message.now;
    send({ type: 'clock' });
  } else if (message.type === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    send({ type: 'memory', heap: process.memoryUsage().heapUsed });
  } else void sandbox.close().then(() => process.exit(0));
});
