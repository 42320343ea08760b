// Owns the pick a person makes when a token or Harvest sign-in reaches several Harvest accounts: what they are
// offered (Forecast accounts left out, they have no timesheets), and checking the pick against it. Memory only:
// the token waits here, never in the snapshot, until the person picks or cancels.
import { harvestAccountsOnly, type HarvestIdAccount, type HarvestIdUser } from '../harvest-id';
import { NotAllowedError } from '../base/errors';
import type { StoredGrant } from './keychain';
import type { HarvestPerson } from './whose-sign-in';

export interface OfferedAccount {
  id: string;
  name: string;
  signedIn: boolean;
}

/** Whose sign-in it is, as Harvest ID names them: shown so the person sees the accounts are theirs. */
export type SignedInAs = HarvestPerson;

export class AccountChoice {
  private offer: {
    grant: StoredGrant;
    accounts: HarvestIdAccount[];
    user?: SignedInAs;
    insteadOf?: HarvestPerson;
  } | null = null;

  /**
   * The grant's Harvest accounts: the one there is, to sign in to at once, or null when they are now offered
   * (several, or any that belong to someone else than `insteadOf`, who is signed in now). None is refused.
   */
  offerFrom(
    grant: StoredGrant,
    accounts: HarvestIdAccount[],
    user?: HarvestIdUser,
    insteadOf?: HarvestPerson | null,
  ): string | null {
    const harvest = harvestAccountsOnly(accounts);
    if (harvest.length === 0)
      throw new NotAllowedError(
        'That sign-in reaches no Harvest accounts (Forecast accounts have no timesheets). Try another.',
      );
    if (harvest.length === 1 && !insteadOf) return harvest[0]!.id;
    // A browser sign-in can end in someone else's Harvest (a shared browser, another person's session): the
    // name and email on the choice say whose accounts these are before any is used.
    this.offer = {
      grant,
      accounts: harvest,
      ...(user ? { user: { name: user.name, email: user.email } } : {}),
      ...(user && insteadOf ? { insteadOf } : {}),
    };
    return null;
  }

  /** What the popover shows while a pick is waiting. */
  view(
    signedIn: (accountId: string) => boolean,
  ): { accounts: OfferedAccount[]; user?: SignedInAs; insteadOf?: HarvestPerson } | null {
    if (!this.offer) return null;
    const { user, insteadOf } = this.offer;
    return {
      accounts: this.offer.accounts.map((a) => ({ id: a.id, name: a.name, signedIn: signedIn(a.id) })),
      ...(user ? { user } : {}),
      ...(insteadOf ? { insteadOf } : {}),
    };
  }

  /**
   * The grant to sign in with, once the pick is checked against what was offered, and, when the accounts are
   * someone else's than who is signed in now, once the person has said that is what they want.
   */
  take(accountIds: readonly string[], someoneElse = false): StoredGrant {
    const offer = this.offer;
    if (!offer) throw new NotAllowedError('There are no accounts waiting to be chosen. Sign in again.');
    if (offer.insteadOf && offer.user && !someoneElse)
      throw new NotAllowedError(
        `These accounts belong to ${offer.user.name}, not ${offer.insteadOf.name}. Confirm that you want to use them, or cancel.`,
      );
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
