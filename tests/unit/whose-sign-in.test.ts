// Whether a new sign-in is the person already signed in, or someone else whose accounts would track time as them.
import { describe, expect, it } from 'vitest';
import { someoneElseSignedIn } from '../../electron/main/core/session/whose-sign-in';

const dana = { name: 'Dana Demo', email: 'dana@example.com' };
const newUser = (email: string) => ({ id: 77, name: 'Whoever', email });

describe('someoneElseSignedIn', () => {
  it('is nobody when no one is signed in yet, or the sign-in is the same person by email, case aside', () => {
    expect(someoneElseSignedIn(newUser('sam@example.com'), [])).toBeNull();
    expect(someoneElseSignedIn(newUser(' Dana@Example.com'), [dana])).toBeNull();
  });

  it('names who is signed in now when the sign-in is someone else’s, whatever its user id', () => {
    expect(someoneElseSignedIn(newUser('sam@example.com'), [dana])).toEqual(dana);
  });

  it('is nobody when the sign-in is any one of the people signed in', () => {
    const sam = { name: 'Sam Other', email: 'sam@example.com' };
    expect(someoneElseSignedIn(newUser('sam@example.com'), [dana, sam])).toBeNull();
  });
});
