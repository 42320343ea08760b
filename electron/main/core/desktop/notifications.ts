// Owns how the desktop side notifies: only the kinds the person left on in Settings, and a click on one opens
// the popover. Every desktop service tells the person through this one function.
import type { Settings } from '../../../../shared/settings';
import type { NotificationAnswers, Notifier } from '../ports';

/** Shows a notification of `kind` if the person wants that kind; `answers` are its buttons. */
export type Notify = (
  kind: Parameters<Notifier['show']>[0],
  title: string,
  body: string,
  answers?: NotificationAnswers,
) => void;

export function notifyWith(
  notifier: Notifier | undefined,
  settings: () => Settings,
  showPopover: (() => void) | undefined,
): Notify {
  return (kind, title, body, answers) => {
    if (!settings().notifications[kind]) return;
    notifier?.show(kind, title, body, () => showPopover?.(), answers);
  };
}
