// Tests the keychain record: an older Sheaf's single token still reads as one account, nothing stored as none,
// text it can't read as unreadable (never as none), accounts without a grant are dropped, adding or removing
// accounts keeps the rest, and each data folder names an entry of its own.
import { describe, expect, it } from 'vitest';
import {
  emptyKeychain,
  keychainEntryFor,
  readKeychainRecord,
  withAccounts,
  withoutAccount,
} from '../../electron/main/core/session/keychain';

const token = { kind: 'token' as const, token: 'a-personal-token' };

describe('the keychain record', () => {
  it("reads an older Sheaf's single token as a record of that one account", () => {
    expect(readKeychainRecord(JSON.stringify({ token: 'old-token', accountId: '42' }))).toEqual({
      version: 2,
      grants: { token: { kind: 'token', token: 'old-token' } },
      accounts: [{ accountId: '42', grantId: 'token' }],
      active: '42',
    });
  });

  it('reads nothing stored as no accounts', () => {
    for (const text of [null, '']) expect(readKeychainRecord(text)).toEqual(emptyKeychain());
  });

  it('reads junk or a shape it does not know (a newer Sheaf) as unreadable, not as no accounts', () => {
    for (const text of ['not json', '{"version":3}', '{"token":""}']) {
      expect(readKeychainRecord(text)).toBeNull();
    }
  });

  it('drops an account whose grant is missing, and shows the first one left when the shown one went', () => {
    const record = readKeychainRecord(
      JSON.stringify({
        version: 2,
        grants: { g: token },
        accounts: [
          { accountId: '1', grantId: 'missing' },
          { accountId: '2', grantId: 'g' },
        ],
        active: '1',
      }),
    );
    expect(record?.accounts).toEqual([{ accountId: '2', grantId: 'g' }]);
    expect(record?.active).toBe('2');
  });

  it('adds accounts to a grant, re-points one signed in again, and forgets a grant no account uses', () => {
    let record = withAccounts(emptyKeychain(), 'g1', token, ['1', '2']);
    const other = { kind: 'token' as const, token: 'another-token' };
    record = withAccounts(record, 'g2', other, ['2']);
    expect(record.accounts).toEqual([
      { accountId: '1', grantId: 'g1' },
      { accountId: '2', grantId: 'g2' },
    ]);
    record = withoutAccount(record, '1');
    expect(Object.keys(record.grants)).toEqual(['g2']);
    expect(record.active).toBe('2');
  });
});

describe('the keychain entry of a data folder', () => {
  it("is the entry earlier Sheafs used for the host's default folder, and one of its own for any other", () => {
    expect(keychainEntryFor('/home/ada/.config/Sheaf', '/home/ada/.config/Sheaf/')).toBe('harvest');
    const other = keychainEntryFor('/tmp/sheaf-test', '/home/ada/.config/Sheaf');
    expect(other).toMatch(/^harvest [0-9a-f]{16}$/);
    expect(keychainEntryFor('/tmp/sheaf-test-2', '/home/ada/.config/Sheaf')).not.toBe(other);
    expect(keychainEntryFor('/tmp/sheaf-test')).toBe(other);
  });
});
