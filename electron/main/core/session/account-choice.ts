// Owns the pick a person makes when a token or Harvest sign-in reaches several Harvest accounts: what they are
// offered (Forecast accounts left out, they have no timesheets), and checking the pick against it. Memory only:
// the token waits here, never in the snapshot, until the person picks or cancels.
import { harvestAccountsOnly, type HarvestIdAccount, type HarvestIdUser } from '../harvest-id';
import { NotAllowedError } from '../base/errors';
import type { StoredGrant } from './keychain';

export interface OfferedAccount {
  id: string;
  name: string;
  signedIn: boolean;
}

/** Whose sign-in it is, as Harvest ID names them: shown so the person sees the accounts are theirs. */
export interface SignedInAs {
  name: string;
  email: string;
}

export class AccountChoice {
  private offer: { grant: StoredGrant; accounts: HarvestIdAccount[]; user?: SignedInAs } | null = null;

  /**
   * The grant's Harvest accounts: the one there is, to sign in to at once, or null when several are now offered.
   * None is refused.
   */
  offerFrom(grant: StoredGrant, accounts: HarvestIdAccount[], user?: HarvestIdUser): string | null {
    const harvest = harvestAccountsOnly(accounts);
    if (harvest.length === 0)
      throw new NotAllowedError(
        'That sign-in reaches no Harvest accounts (Forecast accounts have no timesheets). Try another.',
      );
    if (harvest.length === 1) return harvest[0]!.id;
    // A browser sign-in can end in someone else's Harvest (a shared browser, another person's session): the
    // name and email on the choice say whose accounts these are before any is used.
    this.offer = {
      grant,
      accounts: harvest,
      ...(user ? { user: { name: user.name, email: user.email } } : {}),
    };
    return null;
  }

  /** What the popover shows while a pick is waiting. */
  view(signedIn: (accountId: string) => boolean): { accounts: OfferedAccount[]; user?: SignedInAs } | null {
    if (!this.offer) return null;
    return {
      accounts: this.offer.accounts.map((a) => ({ id: a.id, name: a.name, signedIn: signedIn(a.id) })),
      ...(this.offer.user ? { user: this.offer.user } : {}),
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
