// Owns desktop notifications through Electron's Notification: one per message, a click opens the popover, and
// each shown notification is kept referenced until it closes (a collected one loses its click handler).
import type { Notifier } from '../core/ports';

export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

export interface NotificationClass {
  new (options: { title: string; body: string; silent?: boolean }): NotificationLike;
  isSupported(): boolean;
}

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
