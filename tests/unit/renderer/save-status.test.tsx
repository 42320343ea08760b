// @vitest-environment jsdom
// The small "Saved" beside a field edited in place: saving, saved for a moment, or not saved.
import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAVED_SHOWN_MS, SaveStatus, useSaveStatus } from '../../../renderer/src/components/SaveStatus';
import type { IpcResult } from '../../../shared/ipc';

let track: (call: Promise<IpcResult<unknown>>) => void = () => {};
function NotesField() {
  const saving = useSaveStatus();
  useEffect(() => {
    track = saving.track;
  });
  return <SaveStatus status={saving.status} />;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the "Saved" beside notes edited in place', () => {
  it('says saving, then saved, and goes quiet after a moment', async () => {
    vi.useFakeTimers();
    render(<NotesField />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(/^$/);
    let answer: (r: IpcResult<unknown>) => void = () => {};
    act(() => track(new Promise((done) => (answer = done))));
    expect(status).toHaveTextContent('Notes: Saving…');
    await act(async () => answer({ ok: true, value: null }));
    expect(status).toHaveTextContent('Notes: Saved');
    act(() => {
      vi.advanceTimersByTime(SAVED_SHOWN_MS);
    });
    expect(status).toHaveTextContent(/^$/);
  });

  it('says "Not saved" when main refuses, and only the latest save speaks', async () => {
    render(<NotesField />);
    let first: (r: IpcResult<unknown>) => void = () => {};
    act(() => track(new Promise((done) => (first = done))));
    await act(async () => track(Promise.resolve({ ok: false, error: { code: 'network', message: 'x' } })));
    await act(async () => first({ ok: true, value: null }));
    expect(screen.getByRole('status')).toHaveTextContent('Notes: Not saved');
  });
});
