// Owns notes the person is still typing: kept in localStorage as they type, so closing the popover, a reload of
// its page, or quitting Sheaf mid-edit loses nothing (the draft is back in the field next time); cleared once sent.
const prefix = 'sheaf.draft.';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be switched off; drafts then live only as long as the component.
    return null;
  }
}

export function readDraft(key: string): string | null {
  return storage()?.getItem(prefix + key) ?? null;
}

export function writeDraft(key: string, text: string): void {
  storage()?.setItem(prefix + key, text);
}

export function clearDraft(key: string): void {
  storage()?.removeItem(prefix + key);
}
