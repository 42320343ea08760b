// Owns what the session is handed by the host (through the app): the environment, the data folder, the secret
// store, fetch and the clock, and the tuning tests use. The app's own options add the desktop's ports to these.
import type { Clock, DemoHarvest, Fetch, SecretStore } from '../ports';

export interface SessionOptions {
  /** HARVEST_ACCESS_TOKEN + HARVEST_ACCOUNT_ID sign in without the form; HARVEST_API_URL points at another server. */
  env: Record<string, string | undefined>;
  /** Where cache and outbox live (SHEAF_DATA_DIR, or the host's default). */
  dataDir: string;
  /**
   * The host's own data folder when SHEAF_DATA_DIR isn't set: its keychain entry keeps the name every earlier
   * Sheaf used; any other folder has an entry of its own (see keychainEntryFor). Without it, every folder does.
   */
  defaultDataDir?: string;
  secrets: SecretStore;
  /**
   * Opens a web page in the person's browser ("Sign in with Harvest"): Electron's shell.openExternal in the app,
   * the BROWSER convention in the preview. Without one, Sheaf can't offer signing in through the browser.
   */
  openUrl?: (url: string) => void | Promise<void>;
  fetch: Fetch;
  clock?: Clock;
  log?: (line: string) => void;
  /** Log lines may carry what the person wrote (notes): only for debugging (SHEAF_DEBUG=1, CHAOS_DEBUG). */
  debug?: boolean;
  /** The demo Harvest behind "Try the demo"; without it the demo says it isn't available in this host. */
  demo?: DemoHarvest;
  /** Tuning for the Harvest client (tests and the fault-injection suite shorten waits). */
  harvest?: {
    sleep?: (ms: number) => Promise<void>;
    timeoutMs?: number;
    maxRetries?: number;
    random?: () => number;
  };
  /** First retry delay for unsent changes (doubles up to a minute). */
  retryDelayMs?: number;
  /** The computer's IANA time zone, compared with the Harvest profile's (default: the runtime's own). */
  timeZone?: string;
}
