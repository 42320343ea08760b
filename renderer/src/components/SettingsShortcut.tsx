// Owns capturing a global shortcut by pressing it: a keydown becomes an Electron accelerator string
// ("CommandOrControl"-free, exactly what was pressed), shown with the status main reports for it.
import { useState, type KeyboardEvent } from 'react';
import { isGlobalShortcut, type ShortcutStatus } from '../../../shared/settings';
import {
  browserPlatform,
  shortcutLabel,
  withShortcutLabel,
  type ShortcutPlatform,
} from '../lib/shortcut-label';
import { Field } from './SettingsField';

const named: Record<string, string> = {
  Space: 'Space',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Enter: 'Enter',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
};

type KeyLike = Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>;

/**
 * The accelerator for a key press, or a reason it can't be one. The physical key (`code`) is used, so
 * Shift+2 stays "Shift+2" on any layout; a global shortcut needs at least one modifier.
 */
export function acceleratorOf(
  e: KeyLike,
  isMac: boolean,
): { accelerator: string } | { partial: string } | { problem: string } {
  const modifiers = [
    e.metaKey ? (isMac ? 'Command' : 'Super') : null,
    e.ctrlKey ? 'Control' : null,
    e.altKey ? (isMac ? 'Option' : 'Alt') : null,
    e.shiftKey ? 'Shift' : null,
  ].filter((m): m is string => m !== null);
  const key = keyName(e.code);
  if (!key) return { partial: modifiers.join('+') };
  const accelerator = [...modifiers, key].join('+');
  // The same rule the settings are checked with, so what is captured here is always accepted there.
  if (!isGlobalShortcut(accelerator)) {
    return { problem: 'Hold Ctrl, Alt, Shift or Cmd with the key, so the shortcut works everywhere.' };
  }
  return { accelerator };
}

function keyName(code: string): string | null {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit\d$/.test(code)) return code.slice(5);
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  if (/^Numpad\d$/.test(code)) return `num${code.slice(6)}`;
  return named[code] ?? null;
}

export function ShortcutField({
  id,
  label,
  value,
  status,
  platform = browserPlatform(),
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  status: ShortcutStatus;
  /** Whose way to write shortcuts: the host's OS when it says, else the browser's. */
  platform?: ShortcutPlatform;
  onChange(accelerator: string): void;
}) {
  const [shown, setShown] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const isMac = platform === 'mac';

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    const plain = !e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey;
    // Tab and Escape keep their usual jobs, so the field never traps the keyboard.
    if (plain && (e.key === 'Tab' || e.key === 'Escape')) return;
    e.preventDefault();
    if (plain && (e.key === 'Backspace' || e.key === 'Delete')) {
      setShown(null);
      setProblem(null);
      onChange('');
      return;
    }
    const result = acceleratorOf(e, isMac);
    if ('partial' in result) {
      setShown(result.partial ? `${result.partial}+…` : null);
      return;
    }
    if ('problem' in result) {
      setShown(null);
      setProblem(result.problem);
      return;
    }
    setShown(null);
    setProblem(null);
    onChange(result.accelerator);
  }

  const message =
    problem ??
    (status.state !== 'off' && status.message ? withShortcutLabel(status.message, value, platform) : null);
  const messageId = `${id}-message`;
  return (
    <Field
      id={id}
      label={label}
      className="shortcut-field"
      hint="Click, then press the keys. Backspace clears it."
      after={
        message && (
          <p
            id={messageId}
            // What the desktop bound, or why it can't hold the keys, is news; taken or invalid keys are a problem.
            className={
              (status.state === 'unsupported' || status.state === 'ok') && !problem
                ? 'muted small'
                : 'settings-problem small'
            }
          >
            {message}
          </p>
        )
      }
    >
      <input
        id={id}
        className="shortcut-input"
        readOnly
        value={shown ? shortcutLabel(shown, platform) : value ? shortcutLabel(value, platform) : 'None'}
        onKeyDown={onKeyDown}
        onBlur={() => setShown(null)}
        aria-describedby={`${id}-hint${message ? ` ${messageId}` : ''}`}
        aria-invalid={status.state === 'taken' || status.state === 'invalid' || problem !== null}
      />
    </Field>
  );
}
