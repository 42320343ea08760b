// Tests electron.vite.config.ts: a CommonJS preload with the contract's channels baked in, keytar left external,
// and the CSP relaxed for the dev server only (never for a build).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import config from '../../../electron.vite.config';
import { channelOf, commandNames, stateChannel } from '../../../shared/ipc';

type Section = { build?: Record<string, unknown>; define?: Record<string, string>; plugins?: unknown[] };
const { main, preload, renderer } = config as unknown as Record<'main' | 'preload' | 'renderer', Section>;

describe('electron.vite.config.ts', () => {
  it('builds the preload as CommonJS index.cjs with every contract channel baked in', () => {
    const lib = preload.build?.lib as { formats: string[]; fileName: () => string };
    expect(lib.formats).toEqual(['cjs']);
    expect(lib.fileName()).toBe('index.cjs');
    // Bundled, not required at runtime: a sandboxed preload can require only 'electron'.
    expect(preload.build?.externalizeDeps).toBe(false);
    const channels = JSON.parse(preload.define!.__SHEAF_IPC__!) as {
      commands: Array<{ name: string; channel: string }>;
      state: string;
    };
    expect(channels.commands).toEqual(commandNames.map((name) => ({ name, channel: channelOf(name) })));
    expect(channels.state).toBe(stateChannel);
  });

  it('keeps keytar (native) out of the main bundle', () => {
    expect(main.build?.externalizeDeps).toEqual({ include: ['keytar'] });
  });

  it('relaxes the CSP for the dev server only, just enough for HMR', () => {
    const relax = renderer.plugins!.find(
      (p) => (p as Plugin).name === 'sheaf:relax-csp-for-dev-server',
    ) as Plugin;
    expect(relax.apply).toBe('serve');
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const transform = relax.transformIndexHtml as (html: string) => string;
    const policy = (text: string) => /Content-Security-Policy"\s+content="([^"]*)"/.exec(text)?.[1] ?? '';
    const before = policy(html);
    const after = policy(transform(html));
    expect(before).not.toContain('unsafe-inline');
    expect(after).toMatch(/script-src [^;]*'self'[^;]*'unsafe-inline'/);
    expect(after).toMatch(/connect-src [^;]*ws:\/\/localhost:\*/);
    expect(after).toContain("default-src 'none'");
  });
});
