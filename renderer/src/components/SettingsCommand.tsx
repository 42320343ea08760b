// Owns Settings' "Install the sheaf command", as VS Code offers `code`: a link for this user, or, after asking, one
// for everyone on the computer; then where Sheaf put it, or why it couldn't.
import { useState } from 'react';
import { useSheaf } from '../state/StoreContext';

export function InstallCommand() {
  const send = useSheaf((s) => s.send);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; problem: boolean } | null>(null);

  async function install(where: 'user' | 'system') {
    if (busy) return;
    setBusy(true);
    setAsking(false);
    const result = await send('installCommand', { where });
    setBusy(false);
    setSaid(
      result.ok ? { text: result.value.note, problem: false } : { text: result.error.message, problem: true },
    );
  }

  return (
    <div className="install-command">
      <p className="muted small">
        The sheaf command starts, stops and shows the timer from a terminal, a launcher or a status bar.
      </p>
      <div className="row">
        <button type="button" aria-disabled={busy} onClick={() => void install('user')}>
          Install the sheaf command
        </button>
        <button type="button" className="quiet" aria-expanded={asking} onClick={() => setAsking(!asking)}>
          For everyone…
        </button>
      </div>
      {asking && (
        <div role="group" aria-label="Install for everyone">
          <p className="small">
            Put it in /usr/local/bin, for every user of this computer? Sheaf must be allowed to write there.
          </p>
          <div className="row">
            <button type="button" onClick={() => void install('system')}>
              Install for everyone
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {said && (
        <p role="status" className={said.problem ? 'settings-problem small' : 'small'}>
          {said.text}
        </p>
      )}
    </div>
  );
}
