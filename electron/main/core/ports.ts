// Owns the interfaces core needs from the outside world; platform/ (Electron) and the Node hosts implement them.

/** Wall clock, injected so tests and the sandbox can move time by hand. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The fetch signature core uses: global fetch in Node, net.fetch in Electron (honours the system proxy). */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** Where the Harvest token lives: the OS keychain (keytar) or a safeStorage-encrypted file. Never settings. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<void>;
}
