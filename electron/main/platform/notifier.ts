// Owns desktop notifications through Electron's Notification: one per message, a click opens the popover, and
// each shown notification is kept referenced until it closes (a collected one loses its click handler).
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { Notifier } from '../core/ports';

/** The slice of an Electron Notification the notifier uses. */
export type NotificationLike = Pick<Notification, 'on' | 'show'>;

/** Electron's Notification class, as far as the notifier goes. */
export type NotificationClass = Pick<typeof Notification, 'isSupported'> &
  (new (options: NotificationConstructorOptions) => NotificationLike);

export function createNotifier(Notification: NotificationClass): Notifier {
  const open = new Set<NotificationLike>();
  return {
    show(kind, title, body, onClick) {
      if (!Notification.isSupported()) return;
      // Only the idle question needs the person now; the rest arrive quietly.
      const n = new Notification({ title, body, silent: kind !== 'idle' });
      open.add(n);
      n.on('click', () => {
        open.delete(n);
        onClick?.();
      });
      n.on('close', () => open.delete(n));
      n.show();
    },
  };
}
