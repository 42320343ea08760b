// Owns the clock file the fault-injection suite's two processes share: the person's side moves time by writing
// it, the core reads "now" from it. Written whole or not at all (temp file, rename): a reader that caught it
// half-written once saw an empty file, took it for 1970, and stopped timers at 0 h (the suite's "wrong duration").
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export function writeClockFile(file: string, at: Date): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, String(at.getTime()));
  renameSync(temp, file);
}

/** "Now" as the file says; a torn or foreign file is an error, never a moment in 1970. */
export function readClockFile(file: string): Date {
  const text = readFileSync(file, 'utf8');
  if (!/^\d{12,}$/.test(text)) throw new Error(`the clock file ${file} holds "${text}", not a moment`);
  return new Date(Number(text));
}
