// Owns the person's accounts in one sandbox: a store per Harvest account (its own company, assignments and
// entries), the Forecast accounts Harvest ID only lists, and finding the account a request names.
import type { Clock } from '../../shared/clock';
import { createAdmin, type SharedSwitches } from './admin';
import type { ListedAccount } from './harvest-id/pages';
import { PLAIN_DEMO_ACCOUNT, buildAccount } from './seed';
import { DEMO_TEAMMATES } from './team';
import { FIRST_ENTRY_ID, SandboxStore } from './store';
import type { SandboxAccountInfo, SandboxAccountSeed, SandboxAdmin, SandboxOptions } from './types';

export interface HarvestAccount {
  id: string;
  store: SandboxStore;
  switches: { companyForbidden: boolean };
  admin: SandboxAdmin;
}

// Harvest's ids are unique across accounts, so each account's records get their own range: 10 million apart
// leaves room for the largest generated seed, and entry ids (7,000,000,001 on) 100 million apart.
const ID_SPACING = 10_000_000;
const ENTRY_ID_SPACING = 100_000_000;

// Without `accounts`, the one demo agency the sandbox has always been.
const DEFAULT_ACCOUNTS: SandboxAccountSeed[] = [PLAIN_DEMO_ACCOUNT];

const subdomainOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'account';

/** A seed list a test got wrong fails at start, not as a puzzling 401 later. */
function checkSeeds(seeds: SandboxAccountSeed[]): void {
  const seen = new Set<string>();
  for (const seed of seeds) {
    if (!/^\d+$/.test(seed.id)) throw new Error(`Account id "${seed.id}" is not a number, as Harvest's are`);
    if (seen.has(seed.id)) throw new Error(`Account id ${seed.id} is listed twice`);
    seen.add(seed.id);
  }
  if (!seeds.some((s) => (s.product ?? 'harvest') === 'harvest'))
    throw new Error(
      'The sandbox needs at least one Harvest account (Forecast accounts answer no /v2 request)',
    );
}

export class AccountBook {
  /** Every account in the order given, Forecast ones included. */
  readonly listed: SandboxAccountInfo[] = [];
  readonly first: HarvestAccount;
  private readonly harvest = new Map<string, HarvestAccount>();

  constructor(options: SandboxOptions, clock: Clock, shared: SharedSwitches) {
    const seeds = options.accounts ?? DEFAULT_ACCOUNTS;
    checkSeeds(seeds);
    for (const seed of seeds) {
      const product = seed.product ?? 'harvest';
      if (product === 'forecast') {
        this.listed.push({ id: seed.id, name: seed.name, product });
        continue;
      }
      const index = this.harvest.size;
      const account = buildAccount(
        seed.seed ?? options.seed ?? 'demo',
        clock.now(),
        {
          wantsTimestampTimers: seed.wantsTimestampTimers ?? options.wantsTimestampTimers,
          clock: seed.timeClock ?? options.timeClock,
          weekStartDay: seed.weekStartDay ?? options.weekStartDay,
          timezone: seed.timezone ?? options.timezone,
        },
        { name: seed.name, subdomain: seed.subdomain ?? subdomainOf(seed.name), idBase: index * ID_SPACING },
      );
      account.role = seed.role ?? options.role ?? 'administrator';
      account.rounding = (seed.timeRounding ?? options.timeRounding) || null;
      account.teammates = (seed.teammates ?? options.teammates) ? DEMO_TEAMMATES : [];
      const store = new SandboxStore(account, clock, FIRST_ENTRY_ID + index * ENTRY_ID_SPACING);
      const switches = { companyForbidden: false };
      const admin = createAdmin(store, switches, shared);
      this.harvest.set(seed.id, { id: seed.id, store, switches, admin });
      this.listed.push({ id: seed.id, name: seed.name, product, admin });
    }
    this.first = this.harvest.values().next().value!;
  }

  /** The Harvest account a Harvest-Account-Id names; undefined for a Forecast or unknown id, as Harvest 401s both. */
  harvestAccount(id: unknown): HarvestAccount | undefined {
    return typeof id === 'string' ? this.harvest.get(id) : undefined;
  }

  adminFor(id: string): SandboxAdmin {
    const account = this.harvest.get(id);
    if (!account) throw new Error(`No Harvest account ${id} in this sandbox`);
    return account.admin;
  }

  /** What Harvest ID lists, in order. */
  forHarvestId(): ListedAccount[] {
    return this.listed.map(({ id, name, product }) => ({ id, name, product }));
  }

  /** Every account id, Forecast ones included: what a personal token reaches. */
  allIds(): string[] {
    return this.listed.map((a) => a.id);
  }
}
