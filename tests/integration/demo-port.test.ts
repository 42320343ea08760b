// The demo Harvest is a port the host passes in: a host without one says "Try the demo" isn't available here
// (and opens on the sign-in form even when asked to open in the demo); with one, the demo is that host's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSheafApp, type SheafApp, type SheafAppOptions } from '../../electron/main/core/app';
import { demoUnavailableMessage } from '../../electron/main/core/session/session';
import { dispatch } from '../../electron/main/dispatch';
import { startSandbox } from '../../electron/sandbox/server';
import type { CommandHandlers } from '../../shared/ipc';
import { MemorySecrets } from '../fixtures/memory-secrets';

let app: SheafApp | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await app?.dispose({ waitForSyncMs: 0 });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  app = dataDir = undefined;
});

function hostApp(extra: Partial<SheafAppOptions> = {}): SheafApp {
  dataDir = mkdtempSync(join(tmpdir(), 'sheaf-demo-port-'));
  app = createSheafApp({
    env: {},
    dataDir,
    secrets: new MemorySecrets(),
    fetch: (input, init) => fetch(input, init),
    ...extra,
  });
  return app;
}

describe('a host without the demo port', () => {
  it('answers "Try the demo" with why not, in words the sign-in form shows, and stays signed out', async () => {
    const sheaf = hostApp();
    const handlers: CommandHandlers = { ...sheaf.commands, openHarvest: () => {}, hidePopover: () => {} };
    const result = await dispatch(handlers, 'signInDemo', undefined);
    expect(result).toEqual({ ok: false, error: { code: 'validation', message: demoUnavailableMessage } });
    expect(demoUnavailableMessage).toMatch(/isn't available in this host/);
    expect(sheaf.getState().session).toEqual({ status: 'signed_out', message: null });
  });

  it('opens on the sign-in form when asked to open in the demo', async () => {
    const sheaf = hostApp({ autoDemo: true });
    const pushed = vi.fn();
    sheaf.subscribe(pushed);
    await sheaf.start();
    expect(pushed).toHaveBeenCalled();
    expect(sheaf.getState().session.status).toBe('signed_out');
  });
});

describe('a host with the demo port', () => {
  it('signs in to the demo it starts, and stops it on sign-out', async () => {
    const close = vi.fn();
    const sheaf = hostApp({
      demo: {
        start: async (options) => {
          const sandbox = await startSandbox({ ...options, rateLimit: false });
          return { ...sandbox, close: () => (close(), sandbox.close()) };
        },
      },
    });
    await sheaf.commands.signInDemo(undefined);
    expect(sheaf.getState().session).toMatchObject({ status: 'signed_in', demo: true });
    await sheaf.commands.signOut({});
    expect(close).toHaveBeenCalledTimes(1);
  });
});
