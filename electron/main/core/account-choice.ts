// Owns the pick a person makes when a token or Harvest sign-in reaches several Harvest accounts: what they are
// offered (Forecast accounts left out, they have no timesheets), and checking the pick against it. Memory only:
// the token waits here, never in the snapshot, until the person picks or cancels.
import { harvestAccountsOnly, type HarvestIdAccount } from './harvest-id';
import { NotAllowedError } from './errors';
import type { StoredGrant } from './keychain';

export interface OfferedAccount {
  id: string;
  name: string;
  signedIn: boolean;
}

export class AccountChoice {
  private offer: { grant: StoredGrant; accounts: HarvestIdAccount[] } | null = null;

  /**
   * The grant's Harvest accounts: the one there is, to sign in to at once, or null when several are now offered.
   * None is refused.
   */
  offerFrom(grant: StoredGrant, accounts: HarvestIdAccount[]): string | null {
    const harvest = harvestAccountsOnly(accounts);
    if (harvest.length === 0)
      throw new NotAllowedError(
        'That sign-in reaches no Harvest accounts (Forecast accounts have no timesheets). Try another.',
      );
    if (harvest.length === 1) return harvest[0]!.id;
    this.offer = { grant, accounts: harvest };
    return null;
  }

  /** What the popover shows while a pick is waiting. */
  view(signedIn: (accountId: string) => boolean): { accounts: OfferedAccount[] } | null {
    if (!this.offer) return null;
    return {
      accounts: this.offer.accounts.map((a) => ({ id: a.id, name: a.name, signedIn: signedIn(a.id) })),
    };
  }

  /** The grant to sign in with, once the pick is checked against what was offered. */
  take(accountIds: readonly string[]): StoredGrant {
    const offer = this.offer;
    if (!offer) throw new NotAllowedError('There are no accounts waiting to be chosen. Sign in again.');
    const known = new Set(offer.accounts.map((a) => a.id));
    if (accountIds.some((id) => !known.has(id)))
      throw new NotAllowedError("That token doesn't reach the account you picked.");
    this.offer = null;
    return offer.grant;
  }

  cancel(): void {
    this.offer = null;
  }
}
