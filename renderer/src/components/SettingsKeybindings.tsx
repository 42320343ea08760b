// Owns Settings' offer to add the shortcuts to the desktop's own keyboard settings (GNOME's custom keybindings)
// where apps can't hold global shortcuts, and the account of what was added there: names, keys, commands.
import { useState } from 'react';
import type { SettingsView } from '../../../shared/settings';
import { browserPlatform, shortcutLabel, type ShortcutPlatform } from '../lib/shortcut-label';
import { useSheaf } from '../state/StoreContext';

export function DesktopKeybindings({
  offer,
  platform = browserPlatform(),
  onView,
}: {
  offer: NonNullable<SettingsView['desktopKeybindings']>;
  platform?: ShortcutPlatform;
  /** Main's settings view after adding, which lists what was added. */
  onView(view: SettingsView): void;
}) {
  const send = useSheaf((s) => s.send);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const where = `${offer.desktop}'s keyboard settings`;

  async function add() {
    if (busy) return;
    setBusy(true);
    const result = await send('addDesktopKeybindings');
    setBusy(false);
    if (result.ok) onView(result.value);
    setProblem(result.ok ? null : result.error.message);
  }

  return (
    <div className="desktop-keybindings">
      <p className="muted small">
        {offer.desktop} can run Sheaf’s shortcuts for it: they run the sheaf command (install it below first).
      </p>
      <button type="button" aria-disabled={busy} onClick={() => void add()}>
        {offer.added.length > 0 ? `Add them to ${where} again` : `Add them to ${where}`}
      </button>
      {offer.added.length > 0 && (
        <div role="status" className="small">
          <p>Added to {where}:</p>
          <ul>
            {offer.added.map((k) => (
              <li key={k.command}>
                {k.name}: {shortcutLabel(k.accelerator, platform)} runs <code>{k.command}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {problem && (
        <p role="alert" className="settings-problem small">
          {problem}
        </p>
      )}
    </div>
  );
}
