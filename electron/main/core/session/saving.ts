// Owns where the session keeps who is signed in: in the keychain (accounts, their grants, the one shown), or
// nowhere for the environment's token (HARVEST_ACCESS_TOKEN), which is used and never stored.
import { withAccounts, withoutAccount, type Keychain, type StoredGrant } from './keychain';

export interface SessionSaving {
  /** Signed in to `accountIds` with the grant; the first is shown. */
  signedIn(grantId: string, grant: StoredGrant, accountIds: readonly string[]): Promise<void>;
  /** The person switched to another account. */
  shown(accountId: string): Promise<void>;
  /** Signed out of the account (the demo's were never kept). */
  signedOut(accountId: string): Promise<void>;
}

/** Everything signed in to is kept, so the next start restores it. */
export function savingTo(keychain: Keychain): SessionSaving {
  return {
    signedIn: (grantId, grant, accountIds) =>
      keychain.save((r) => ({ ...withAccounts(r, grantId, grant, accountIds), active: accountIds[0]! })),
    shown: (accountId) => keychain.save((r) => ({ ...r, active: accountId })),
    signedOut: (accountId) => keychain.save((r) => withoutAccount(r, accountId)),
  };
}

/** The environment's token: the session runs on it, and the keychain is left as it was. */
export const notSaving: SessionSaving = {
  signedIn: async () => {},
  shown: async () => {},
  signedOut: async () => {},
};
