// Owns desktop notifications through Electron's Notification: one per message, a click opens the popover, buttons
// where the OS shows them (macOS, Windows: Electron's `actions`), and each shown notification kept referenced until it
// closes (a collected one loses its click and action handlers).
import type { Notification, NotificationConstructorOptions } from 'electron';
import { printableField, printableText } from '../../../shared/printable';
import type { Notifier } from '../core/ports';

/** The slice of an Electron Notification the notifier uses. */
export type NotificationLike = Pick<Notification, 'on' | 'show'>;

/** Electron's Notification class, as far as the notifier goes. */
export type NotificationClass = Pick<typeof Notification, 'isSupported'> &
  (new (options: NotificationConstructorOptions) => NotificationLike);

/** Where Electron's notification buttons show: macOS and Windows. Linux notification daemons mostly drop them. */
export function notificationButtonsShow(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

export function createNotifier(
  Notification: NotificationClass,
  platform: NodeJS.Platform = process.platform,
): Notifier {
  const open = new Set<NotificationLike>();
  const buttons = notificationButtonsShow(platform);
  return {
    show(kind, title, body, onClick, answers) {
      if (!Notification.isSupported()) return;
      const actions = buttons ? (answers?.actions ?? []) : [];
      // Only the idle question needs the person now; the rest arrive quietly.
      // Titles and bodies carry names from Harvest and words from links: no control or bidi character shows as one.
      const n = new Notification({
        title: printableField(title),
        body: printableText(body),
        silent: kind !== 'idle',
        ...(actions.length > 0
          ? { actions: actions.map((a) => ({ type: 'button' as const, text: a.label })) }
          : {}),
      });
      open.add(n);
      n.on('click', () => {
        open.delete(n);
        onClick?.();
      });
      n.on('action', (details) => {
        open.delete(n);
        const chosen = actions[details.actionIndex];
        if (chosen) answers?.onAction(chosen.id);
      });
      n.on('close', () => open.delete(n));
      n.show();
    },
  };
}
