// Owns what Sheaf learns about an account at sign-in: who the person is, the company's settings (or a member's
// fallback when /company can't be read or says something unexpected) and the week start they mean, and whether
// the computer keeps the same time zone as the person's Harvest profile.
import type { WeekStartDay } from '../../../../shared/calendar';
import { defaultPrefs, type AccountPrefs } from '../../../../shared/state';
import type { HarvestApi } from '../harvest/api';
import { HarvestError } from '../harvest/errors';
import type { Company, User } from '../../../../shared/harvest/schemas';
import { ianaZoneOf, sameClock } from '../../../../shared/harvest/time-zones';

export interface AccountProfile {
  me: User;
  /** Null when Sheaf couldn't use /company: a member's 403, or a body it doesn't understand. */
  company: Company | null;
}

/** Failures that say nothing about /company itself: sign-in should fail (or wait) on these, not fall back. */
const notAboutCompany = new Set(['unauthorized', 'network', 'timeout', 'server', 'rate_limited']);

export async function readProfile(api: HarvestApi, log?: (line: string) => void): Promise<AccountProfile> {
  const me = await api.getMe();
  try {
    return { me, company: await api.getCompany() };
  } catch (err) {
    // Members may not read /company (403), and Harvest's help allows settings the API page doesn't list (a week
    // starting on any day): neither may block sign-in. Use the defaults and learn the style from entries.
    if (!(err instanceof HarvestError) || notAboutCompany.has(err.code)) throw err;
    if (err.code !== 'forbidden') log?.(`company settings not usable (${err.message}); using defaults`);
    return { me, company: null };
  }
}

export function prefsFrom(company: Company | null): AccountPrefs {
  if (!company) return defaultPrefs;
  return {
    timestampTimers: company.wants_timestamp_timers,
    weekStartDay: company.week_start_day,
    timeFormat: company.time_format,
    clock: company.clock,
    weekStartChosenHere: false,
  };
}

export interface ZoneMismatch {
  /** Identifies this pair of zones, so the person is told once, not at every sign-in. */
  key: string;
  message: string;
}

/**
 * Harvest advises that a person's device and profile zones match: Harvest places time by the profile's zone,
 * Sheaf by the computer's, so a mismatch can put an entry on another day. Zones with the same clock all year
 * ("America/Detroit" and "Eastern Time (US & Canada)") match; an unknown zone name says nothing.
 */
export function zoneMismatch(
  profileZone: string | undefined,
  computerZone: string,
  at: Date,
): ZoneMismatch | null {
  if (!profileZone) return null;
  const profile = ianaZoneOf(profileZone);
  if (!profile || ianaZoneOf(computerZone) === null || sameClock(profile, computerZone, at)) return null;
  return {
    key: `${profileZone}|${computerZone}`,
    message:
      `Your Harvest profile's time zone is ${profileZone}, but this computer's is ${computerZone}. ` +
      'Harvest advises that they match, or time can land on the wrong day: change one of them ' +
      '(in Harvest: My Profile → Basic info → Time zone).',
  };
}

/** The company's week start, or `chosenHere` (the person's choice in Settings) when Sheaf can't read the company's. */
export function weekStartFor(prefs: AccountPrefs, chosenHere: WeekStartDay): WeekStartDay {
  return prefs.weekStartChosenHere ? chosenHere : prefs.weekStartDay;
}
