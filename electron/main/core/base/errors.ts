// Owns the errors core raises itself rather than Harvest: a command refused before anything was saved (an entry
// gone or locked, a project not assigned, settings out of range, nobody signed in), and a change Sheaf could not
// save (so it was not made: storage/not-saved.ts), all in the person's words; the IPC dispatch passes their message through as it is.
import type { IpcErrorCode } from '../../../../shared/ipc';

/** The IPC codes a local refusal may carry: the same ones the popover gets for Harvest's refusals of the kind. */
export type LocalErrorCode = Extract<
  IpcErrorCode,
  'storage' | 'validation' | 'unauthorized' | 'timer_elsewhere' | 'sign_out_question' | 'network'
>;

export class LocalError extends Error {
  /** The IPC error code the popover receives. */
  readonly ipcCode: LocalErrorCode;
  constructor(message: string, ipcCode: LocalErrorCode, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LocalError';
    this.ipcCode = ipcCode;
  }
}

/** A command Sheaf refuses as it stands, checked against what it holds: nothing was saved or sent. */
export class NotAllowedError extends LocalError {
  constructor(message: string) {
    super(message, 'validation');
    this.name = 'NotAllowedError';
  }
}

/** Nobody is signed in (or the account was closed): nothing was asked of Harvest. */
export class SignInFirstError extends LocalError {
  constructor() {
    super('Sign in to Harvest first.', 'unauthorized');
    this.name = 'SignInFirstError';
  }
}

/** What "Try the demo" says in a host that passed no demo Harvest. */
export const demoUnavailableMessage =
  "The demo isn't available in this host. Sign in with a Harvest token instead.";
