// Owns one script's connection to the control socket: cutting what it sends into request lines, answering them in
// order one at a time, and the limits that keep a noisy or stuck client from costing the host memory or locking
// other scripts out (an absolute deadline, a cap on queued requests, and no reading while an answer can't be sent).
import type { Socket } from 'node:net';
import { answerTooLarge, busyMessage, lineReader, type ControlAnswer, type ControlLimits } from './protocol';

export const refuse = (message: string): ControlAnswer => ({
  ok: false,
  error: { code: 'bad_input', message },
});

export function serveConnection(
  socket: Socket,
  answer: (line: string) => Promise<ControlAnswer>,
  limits: ControlLimits,
  log: (line: string) => void,
): void {
  socket.on('error', () => socket.destroy());
  // Idle alone isn't enough: a client sending one byte every few seconds would reset it for ever and hold a
  // connection slot. The deadline counts from the connect, whatever arrives.
  socket.setTimeout(limits.idleMs, () => socket.destroy());
  const deadline = setTimeout(() => socket.destroy(), limits.deadlineMs);
  deadline.unref();
  socket.on('close', () => clearTimeout(deadline));

  const read = lineReader(limits.requestBytes);
  const waiting: string[] = [];
  let answering = false;

  // Backpressure: a client that sends faster than it reads waits on its own socket, never on the host's memory.
  const paused = () => waiting.length >= limits.queuedRequests || socket.writableNeedDrain;
  const resumeIfRoom = () => {
    if (!paused() && !socket.destroyed) socket.resume();
  };

  async function answerWaiting(): Promise<void> {
    if (answering) return;
    answering = true;
    try {
      let line: string | undefined;
      // Answers go back in the order asked, one at a time: a script's second request may depend on its first.
      while ((line = waiting.shift()) !== undefined && !socket.destroyed) {
        const result = await answer(line);
        if (socket.destroyed) return;
        let text = `${JSON.stringify(result)}\n`;
        const bytes = Buffer.byteLength(text);
        if (bytes > limits.answerBytes) {
          // The command could not read it whole: it hears why, and the connection carries on.
          log(`control socket: an answer of ${bytes} bytes was too large to send`);
          const tooLarge = {
            ok: false,
            error: { code: 'internal', message: answerTooLarge(bytes, limits.answerBytes) },
          };
          text = `${JSON.stringify(tooLarge)}\n`;
        }
        if (socket.writableLength + Buffer.byteLength(text) > limits.queuedAnswerBytes) {
          // A client that reads nothing while asking for more: what it hasn't read is already all it may have.
          log('control socket: a client left too many answers unread; closed it');
          socket.destroy();
          return;
        }
        if (!socket.write(text)) await new Promise((drained) => socket.once('drain', drained));
        resumeIfRoom();
      }
    } catch (err) {
      log(`control socket: answering failed: ${String(err)}`);
      socket.destroy();
    } finally {
      answering = false;
    }
  }

  socket.on('data', (chunk: Buffer) => {
    const lines = read(chunk);
    if (lines === null) {
      // Nothing this long is a request; stop reading rather than hold it in memory.
      socket.end(`${JSON.stringify(refuse('That request is too long.'))}\n`);
      socket.destroy();
      return;
    }
    waiting.push(...lines);
    if (paused()) socket.pause();
    void answerWaiting();
  });
}

/** Said to a connection past the cap, before it is closed: the command prints it as it prints any refusal. */
export function turnAwayBusy(socket: Socket): void {
  socket.on('error', () => socket.destroy());
  const busy: ControlAnswer = { ok: false, error: { code: 'rate_limited', message: busyMessage } };
  socket.end(`${JSON.stringify(busy)}\n`);
  // It never reads what it was told: closing is the point, not the answer.
  setTimeout(() => socket.destroy(), 1000).unref();
}
