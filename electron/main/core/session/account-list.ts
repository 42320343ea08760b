// Owns the accounts signed in to, in the order signed in, and which one is shown; makes each on first use.
import type { DemoServer } from '../ports';
import { SignedInAccount, type AccountGrant, type SignedInAccountDeps } from './signed-in-account';

export class AccountList {
  private readonly byId = new Map<string, SignedInAccount>();
  /** The shown account's id; null while none is. */
  shownId: string | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly deps: SignedInAccountDeps,
  ) {}

  get shown(): SignedInAccount | null {
    return this.shownId === null ? null : (this.byId.get(this.shownId) ?? null);
  }

  get size(): number {
    return this.byId.size;
  }

  has(accountId: string): boolean {
    return this.byId.has(accountId);
  }

  get(accountId: string): SignedInAccount | undefined {
    return this.byId.get(accountId);
  }

  /** Every account, in the order signed in to. */
  all(): SignedInAccount[] {
    return [...this.byId.values()];
  }

  remove(accountId: string): void {
    this.byId.delete(accountId);
  }

  firstId(): string | null {
    return this.byId.keys().next().value ?? null;
  }

  /** The demo's accounts go; when the shown one was among them, the first left is shown. */
  removeDemos(): void {
    for (const account of this.all().filter((a) => a.demo)) {
      account.dispose();
      this.byId.delete(account.accountId);
    }
    if (this.shownId !== null && !this.byId.has(this.shownId)) this.shownId = this.firstId();
  }

  /** The signed-in account, made on first use; signing in again to it carries its data on. */
  accountFor(
    accountId: string,
    grant: AccountGrant,
    how: { demo?: DemoServer; baseUrl?: string } = {},
  ): SignedInAccount {
    const credentials = { accountId, baseUrl: how.baseUrl ?? this.baseUrl, grant };
    const known = this.byId.get(accountId);
    if (known && known.demo === Boolean(how.demo)) {
      known.useCredentials(credentials);
      return known;
    }
    known?.dispose();
    const account = new SignedInAccount(credentials, Boolean(how.demo), this.deps);
    this.byId.set(accountId, account);
    return account;
  }
}
