// Owns waiting for "Sign in with Harvest" in the browser: whether this Sheaf can offer it at all (a client id,
// a way to open the browser), one wait at a time (a second press replaces the first), and Cancel.
import { NotAllowedError } from '../base/errors';
import {
  signInWithHarvest,
  signInWithHarvestOffered,
  signInWithHarvestProblem,
  type HarvestIdConfig,
  type OAuthTokens,
} from '../harvest-id';
import type { Clock, Fetch } from '../ports';

export class BrowserSignIn {
  private wait: AbortController | null = null;

  constructor(
    private readonly deps: {
      config: HarvestIdConfig;
      fetch: Fetch;
      clock: Clock;
      openUrl?: (url: string) => void | Promise<void>;
      log?: (line: string) => void;
    },
  ) {}

  get offered(): boolean {
    return signInWithHarvestOffered(this.deps.config);
  }

  /** Harvest ID's tokens once the browser's answer is in; refused when this Sheaf can't offer it. */
  start(): Promise<OAuthTokens> {
    const problem = signInWithHarvestProblem(this.deps.config);
    if (problem) return Promise.reject(new NotAllowedError(problem));
    const openUrl = this.deps.openUrl;
    if (!openUrl) return Promise.reject(new NotAllowedError("This Sheaf can't open your browser."));
    this.wait?.abort();
    const wait = (this.wait = new AbortController());
    const { config, fetch, clock, log } = this.deps;
    return signInWithHarvest({ config, fetch, clock, openUrl, log, signal: wait.signal }).finally(() => {
      if (this.wait === wait) this.wait = null;
    });
  }

  cancel(): void {
    this.wait?.abort();
  }
}
