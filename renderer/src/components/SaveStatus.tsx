// Owns the small "Saved" that answers an edit made in place (the running timer's notes): an edit that saves on
// Enter or on leaving the field has no button to press, so without it nothing says the words went anywhere.
// Use: `const saving = useSaveStatus();` then `saving.track(send('updateNotes', …))` and
// `<SaveStatus status={saving.status} />` beside the field.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcResult } from '../../../shared/ipc';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** How long "Saved" stays: enough to catch the eye, then the card is quiet again. */
export const SAVED_SHOWN_MS = 2500;

export function useSaveStatus(): { status: SaveState; track(call: Promise<IpcResult<unknown>>): void } {
  const [status, setStatus] = useState<SaveState>('idle');
  // Only the latest save speaks: an older one answering late must not overwrite it.
  const latest = useRef(0);
  useEffect(() => {
    if (status !== 'saved') return;
    const timer = setTimeout(() => setStatus('idle'), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [status]);
  const track = useCallback((call: Promise<IpcResult<unknown>>) => {
    const mine = ++latest.current;
    setStatus('saving');
    void call.then(
      (result) => mine === latest.current && setStatus(result.ok ? 'saved' : 'failed'),
      () => mine === latest.current && setStatus('failed'),
    );
  }, []);
  return { status, track };
}

const words: Record<SaveState, string> = {
  idle: '',
  saving: 'Saving…',
  saved: 'Saved',
  // The reason is in the popover's alert (the store shows a failed command there).
  failed: 'Not saved',
};

/** Always in the page (empty when idle), so screen readers announce it when it appears: "Notes saved". */
export function SaveStatus({ status, what = 'Notes' }: { status: SaveState; what?: string }) {
  return (
    <span role="status" className={`save-status save-${status}`}>
      {status !== 'idle' && <span className="visually-hidden">{what}: </span>}
      {words[status]}
    </span>
  );
}
