// Checks what sign-in learns about an account: a /company it can't use never blocks it, and a profile zone that
// keeps another clock than the computer's is said plainly.
import { describe, expect, it } from 'vitest';
import { prefsFrom, readProfile, zoneMismatch } from '../../electron/main/core/account/account-profile';
import type { HarvestApi } from '../../electron/main/core/harvest/api';
import {
  BadResponseError,
  ForbiddenError,
  NetworkError,
  UnauthorizedError,
} from '../../electron/main/core/harvest/errors';
import type { Company, User } from '../../shared/harvest/schemas';
import { defaultPrefs } from '../../shared/state';

const me: User = { id: 1, first_name: 'Ada', last_name: 'L', email: 'a@example.com', timezone: 'London' };
const company: Company = {
  name: 'Acme',
  week_start_day: 'Wednesday',
  wants_timestamp_timers: true,
  time_format: 'decimal',
  clock: '24h',
};

/** Only the two calls sign-in makes; the rest of the port is never reached here. */
function api(companyAnswer: () => Promise<Company>): HarvestApi {
  return { getMe: () => Promise.resolve(me), getCompany: companyAnswer } as unknown as HarvestApi;
}

describe('reading the account at sign-in', () => {
  it("takes the company's week start, clock, format and timer style when it can read them", async () => {
    const profile = await readProfile(api(() => Promise.resolve(company)));
    expect(prefsFrom(profile.company)).toEqual({
      timestampTimers: true,
      weekStartDay: 'Wednesday',
      timeFormat: 'decimal',
      clock: '24h',
      weekStartChosenHere: false,
    });
  });

  it("falls back to the defaults for a member's 403, with the week start left to the person", async () => {
    const profile = await readProfile(api(() => Promise.reject(new ForbiddenError())));
    expect(profile).toEqual({ me, company: null });
    expect(prefsFrom(profile.company)).toEqual(defaultPrefs);
    expect(defaultPrefs.weekStartChosenHere).toBe(true);
  });

  it('falls back the same way when /company answers something Sheaf does not understand', async () => {
    const lines: string[] = [];
    const profile = await readProfile(
      api(() => Promise.reject(new BadResponseError('week_start_day: invalid option'))),
      (line) => lines.push(line),
    );
    expect(profile.company).toBeNull();
    expect(lines.join('\n')).toContain('week_start_day');
  });

  it('still fails sign-in on a revoked token or a dropped network, which say nothing about /company', async () => {
    await expect(readProfile(api(() => Promise.reject(new UnauthorizedError())))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(readProfile(api(() => Promise.reject(new NetworkError())))).rejects.toBeInstanceOf(
      NetworkError,
    );
  });
});

describe('the profile and computer time zones', () => {
  const at = new Date('2026-12-01T12:00:00Z');

  it('match when they keep the same clock all year, whatever their names', () => {
    expect(zoneMismatch('Eastern Time (US & Canada)', 'America/Detroit', at)).toBeNull();
    expect(zoneMismatch('Edinburgh', 'Europe/London', at)).toBeNull();
    expect(zoneMismatch('UTC', 'Etc/UTC', at)).toBeNull();
  });

  it('differ when the clocks differ, even only in summer, and say both zones and what to do', () => {
    const lisbonVsCasablanca = zoneMismatch('Lisbon', 'Africa/Abidjan', at);
    expect(lisbonVsCasablanca?.message).toContain('Lisbon');
    const tokyo = zoneMismatch('Tokyo', 'Europe/Berlin', at);
    expect(tokyo).toEqual({
      key: 'Tokyo|Europe/Berlin',
      message: expect.stringMatching(/Tokyo.*Europe\/Berlin.*Harvest advises that they match/),
    });
  });

  it('say nothing about a zone name they do not know', () => {
    expect(zoneMismatch('Middle Earth', 'Europe/Berlin', at)).toBeNull();
    expect(zoneMismatch(undefined, 'Europe/Berlin', at)).toBeNull();
  });
});
