// Owns telling whether a new sign-in is the person already signed in to Sheaf, or someone else (a colleague signed
// in to Harvest ID in a shared browser, a token pasted from someone else's profile): their accounts would then
// track time as that other person, so the person is told whose they are and must say it is what they want.
import type { SignedInAccount } from './signed-in-account';
import type { HarvestIdUser } from '../harvest-id';

/** A Harvest user as the person knows them: a name and an email. */
export interface HarvestPerson {
  name: string;
  email: string;
}

/**
 * Who is signed in now, when the new sign-in's user is someone else; null when it is the same person or nobody
 * (but the demo) is signed in. Compared by email, case aside: Harvest ID's user id is not any account's user
 * id (each account numbers its own users), but Harvest ID is one login, by email, across them all.
 */
export function someoneElseSignedIn(
  newUser: HarvestIdUser,
  signedIn: readonly HarvestPerson[],
): HarvestPerson | null {
  const email = (person: HarvestPerson) => person.email.trim().toLowerCase();
  if (signedIn.length === 0 || signedIn.some((person) => email(person) === email(newUser))) return null;
  return { name: signedIn[0]!.name, email: signedIn[0]!.email };
}

/** The Harvest users of the real accounts signed in (the demo's is nobody's), the shown account's first. */
export function peopleSignedIn(
  accounts: readonly SignedInAccount[],
  shown: SignedInAccount | null,
): HarvestPerson[] {
  const shownFirst = [...accounts].sort((a, b) => Number(b === shown) - Number(a === shown));
  return shownFirst.flatMap((a) =>
    a.signedIn && !a.demo && a.state.status === 'signed_in' ? [a.state.user] : [],
  );
}
