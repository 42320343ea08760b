// Owns global shortcuts on Wayland through the xdg-desktop-portal GlobalShortcuts portal, spoken to directly:
// a session is created, the shortcuts bound (the desktop may ask the person to confirm or pick other keys) and
// `Activated` runs them. Electron's globalShortcut needs X11 key grabs, and its own portal path is fragile
// (electron#45607, #51875), so Sheaf doesn't go through it.
// Interface: flatpak.github.io/xdg-desktop-portal/docs/doc-org.freedesktop.portal.GlobalShortcuts.html
import type { Shortcuts, ShortcutsBound } from '../../core/ports';
import { readAccelerator, xdgTrigger } from './accelerator';
import { call, getProperty, hasOwner, onSignal, type Body, type MessageBus, type Target } from './dbus';
import { portalRequest } from './portal-request';
import { Variant } from '@particle/dbus-next';

export const portal: Target = {
  destination: 'org.freedesktop.portal.Desktop',
  path: '/org/freedesktop/portal/desktop',
  interface: 'org.freedesktop.portal.GlobalShortcuts',
};

/** How a bind ended: bound (maybe with other keys than asked, "" for none yet), or refused/cancelled. */
export type BindOutcome = ShortcutsBound;

export interface PortalShortcutsOptions {
  bus: MessageBus;
  /** Told after each bind, for Settings to say what the desktop bound or that the person said no. */
  onBound?(outcome: BindOutcome): void;
  log?(line: string): void;
}

export interface PortalShortcuts extends Shortcuts {
  /** Settles once the shortcuts registered so far are bound (or refused). */
  settled(): Promise<void>;
  close(): void;
}

type Actions = ReadonlyMap<string, { accelerator: string; description?: string }>;

/** The shortcuts as BindShortcuts takes them: each id with what the desktop lists it as, and the keys wished for. */
function portalShortcuts(actions: Actions) {
  return [...actions].map(([id, { accelerator, description }]) => [
    id,
    {
      // What the desktop lists it as in its dialog and keyboard settings ("Start or stop the timer").
      description: new Variant('s', description ?? `Sheaf: ${accelerator}`),
      preferred_trigger: new Variant('s', xdgTrigger(readAccelerator(accelerator)!)),
    },
  ]);
}

/** What BindShortcuts' answer means: a refusal (code 1: the person cancelled the dialog), or the keys bound. */
function bindOutcome(
  bound: { code: number; results: Record<string, { value: unknown } | undefined> },
  actions: Actions,
): BindOutcome {
  if (bound.code !== 0) {
    return {
      refused:
        bound.code === 1
          ? 'Sheaf’s shortcuts were not added: the desktop’s dialog was cancelled.'
          : 'The desktop did not bind Sheaf’s shortcuts.',
    };
  }
  const given = (bound.results.shortcuts?.value ?? []) as Array<[string, Record<string, { value: unknown }>]>;
  return {
    bound: given.map(([id, props]) => ({
      accelerator: actions.get(id)?.accelerator ?? id,
      trigger: String(props.trigger_description?.value ?? ''),
    })),
  };
}

/** The GlobalShortcuts portal when one answers on the session bus; null otherwise (then X11 or gsettings). */
export async function openPortalShortcuts(options: PortalShortcutsOptions): Promise<PortalShortcuts | null> {
  const { bus } = options;
  if (!(await hasOwner(bus, portal.destination))) return null;
  // The portal frontend runs on every desktop; only a backend that implements GlobalShortcuts has a version.
  const version = await getProperty(bus, portal, 'version').catch(() => null);
  if (typeof version !== 'number') return null;
  const request = (member: string, signature: string, body: (token: string) => Body) =>
    portalRequest(bus, portal, member, signature, body);

  const actions = new Map<string, { accelerator: string; run: () => void; description?: string }>();
  const listeners = new Set<(outcome: BindOutcome) => void>();
  const told = (outcome: BindOutcome) => {
    options.onBound?.(outcome);
    for (const listener of listeners) listener(outcome);
  };
  let session: string | null = null;
  let binding: Promise<void> = Promise.resolve();
  let scheduled = false;

  const stopActivated = await onSignal(
    bus,
    { interface: portal.interface, member: 'Activated', path: portal.path },
    ([handle, id]) => {
      if (handle === session) actions.get(String(id))?.run();
    },
  );

  const closeSession = () => {
    if (!session) return;
    const closing: Target = {
      destination: portal.destination,
      path: session,
      interface: 'org.freedesktop.portal.Session',
    };
    session = null;
    void call(bus, closing, 'Close').catch(() => {});
  };

  /** One bind for everything registered: a fresh session, as a session's shortcuts are bound once. */
  const bind = async () => {
    closeSession();
    if (actions.size === 0) return;
    const created = await request('CreateSession', 'a{sv}', (token) => [
      { handle_token: new Variant('s', token), session_handle_token: new Variant('s', `${token}_session`) },
    ]);
    const handle = created.results.session_handle?.value;
    if (created.code !== 0 || typeof handle !== 'string') {
      told({ refused: 'The desktop did not open a shortcuts session for Sheaf.' });
      return;
    }
    session = handle;
    const bound = await request('BindShortcuts', 'oa(sa{sv})sa{sv}', (token) => [
      handle,
      portalShortcuts(actions),
      '',
      { handle_token: new Variant('s', token) },
    ]);
    told(bindOutcome(bound, actions));
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    // Core registers its shortcuts one after another: they are bound together, in one dialog at most.
    binding = binding.then(async () => {
      await Promise.resolve();
      scheduled = false;
      await bind().catch((err: unknown) => {
        options.log?.(`shortcuts: the GlobalShortcuts portal failed: ${String(err)}`);
        told({ refused: 'The desktop’s shortcuts service did not answer.' });
      });
    });
  };

  return {
    register(accelerator, run, description) {
      if (!readAccelerator(accelerator)) return 'invalid';
      // The id is the keys asked for: a different choice in Settings is a new shortcut for the desktop to place.
      actions.set(accelerator, { accelerator, run, description });
      schedule();
      return 'ok';
    },
    unregisterAll() {
      actions.clear();
      schedule();
    },
    onBound(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settled: async () => {
      await binding;
      // A bind scheduled while the last one ran.
      await binding;
    },
    close() {
      stopActivated();
      closeSession();
    },
  };
}

/**
 * What the person needs to hear about a bind, or null: a refusal, or shortcuts the desktop left without keys
 * (the person skipped them in its dialog). A bind that went as asked is silent, since it recurs at every start.
 */
export function bindingProblem(outcome: BindOutcome): string | null {
  if ('refused' in outcome) return outcome.refused;
  const unassigned = outcome.bound.filter((b) => !b.trigger).map((b) => b.accelerator);
  if (unassigned.length === 0) return null;
  return `Your desktop has no keys for Sheaf’s ${unassigned.join(' and ')} shortcut${unassigned.length > 1 ? 's' : ''} yet: give ${unassigned.length > 1 ? 'them' : 'it'} keys in its keyboard settings.`;
}
