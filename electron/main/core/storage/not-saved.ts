// Owns the refusal of a change Sheaf could not save first (so it was not made): the disk's reason, then what did
// not happen in the person's words, e.g. "… the disk is full. Your timer was not started."
import { LocalError } from '../base/errors';
import { DiskError } from './disk';

/** Saved, then shown: a change that can't be saved is refused with the disk's reason and `notDone`. */
export class NotSavedError extends LocalError {
  constructor(cause: DiskError, notDone: string) {
    super(`${cause.message} ${notDone}`, 'storage', { cause });
    this.name = 'NotSavedError';
  }
}

/** A DiskError becomes the refusal, saying `notDone`; anything else passes as it is. */
export function refusedFor(err: unknown, notDone: string): unknown {
  return err instanceof DiskError ? new NotSavedError(err, notDone) : err;
}
