// Owns the day's Harvest: the sandbox in a worker thread of the day's process, so its own heap (the entries and
// request log it keeps) stays out of core's heap figure. It reads "now" from the clock the main thread moves,
// and tells its own heap when asked.
import { parentPort, workerData } from 'node:worker_threads';
import { startSandbox } from '../../electron/sandbox/server';
import { largeAccount } from '../account';

const now = new BigInt64Array(workerData.clock as SharedArrayBuffer);
const sandbox = await startSandbox({
  seed: largeAccount,
  rateLimit: false,
  reportsRateLimit: false,
  clock: { now: () => new Date(Number(Atomics.load(now, 0))) },
});
parentPort!.postMessage({ url: sandbox.url, token: sandbox.token, accountId: sandbox.accountId });
const gc = (globalThis as { gc?: () => void }).gc;
// 'memory': this thread's heap after a collection (RSS is the whole process's, the sandbox's share included).
parentPort!.on('message', (message: string) => {
  if (message === 'memory') {
    gc?.();
    parentPort!.postMessage(process.memoryUsage().heapUsed);
  } else void sandbox.close().then(() => process.exit(0));
});
