// Owns the checks of the sandbox's account settings: clock, week start and profile time zone.
// Times are answered in the company's clock, the week may start on any weekday, the profile names a Harvest
// zone; each is set by a SandboxOptions field and switchable through the admin back door.
import { describe, expect, it } from 'vitest';
import { WEEK_START_DAYS, addDays, weekOf } from '../../shared/calendar';
import { computerZone, harvestZoneNameFor } from '../../shared/harvest/time-zones';
import { startSandbox } from '../../electron/sandbox/server';
import { TODAY, sandboxAt } from '../fixtures/harvest/sandbox-harness';

const MINUTE = 60_000;

describe('the company clock', () => {
  it('answers times in 24-hour style on a 24h company, whatever style was sent', async () => {
    const { call, clock, trackable } = await sandboxAt({
      seed: 'empty',
      wantsTimestampTimers: true,
      timeClock: '24h',
    });
    expect((await call('GET', '/company')).json.clock).toBe('24h');
    const post = (started_time: string, ended_time?: string) =>
      call('POST', '/time_entries', {
        body: { ...trackable(), spent_date: TODAY, started_time, ended_time },
      });

    expect((await post('2:30pm', '4:05 PM')).json).toMatchObject({
      started_time: '14:30',
      ended_time: '16:05',
      hours: 1.58,
    });
    expect((await post('13:00', '2:00pm')).json).toMatchObject({
      started_time: '13:00',
      ended_time: '14:00',
    });
    // One reading of a time everywhere (shared/wall-clock.ts): "2:00 p.m." is no time Sheaf writes or reads.
    expect((await post('13:00', '2:00 p.m.')).status).toBe(422);
    // Hours before ten are zero-padded, as Harvest's 24h times are ("07:34", becoded/go-harvest).
    const running = await post('9:05am');
    expect(running.json).toMatchObject({ is_running: true, started_time: '09:05', ended_time: null });

    clock.advance(45 * MINUTE);
    const stopped = await call('PATCH', `/time_entries/${running.json.id}/stop`);
    expect(stopped.json).toMatchObject({ started_time: '09:05', ended_time: '10:45' });
  });

  it('answers times in 12-hour style on a 12h company, also for times sent in 24-hour style', async () => {
    const { call, trackable } = await sandboxAt({ seed: 'empty', wantsTimestampTimers: true });
    expect((await call('GET', '/company')).json.clock).toBe('12h');
    const logged = await call('POST', '/time_entries', {
      body: { ...trackable(), spent_date: TODAY, started_time: '14:30', ended_time: '3:45 PM' },
    });
    expect(logged.json).toMatchObject({ started_time: '2:30pm', ended_time: '3:45pm', hours: 1.25 });
    const edited = await call('PATCH', `/time_entries/${logged.json.id}`, { body: { ended_time: '17:00' } });
    expect(edited.json).toMatchObject({ started_time: '2:30pm', ended_time: '5:00pm', hours: 2.5 });
  });

  it('rewrites every entry in the new style once the company switches its clock', async () => {
    const { call, sandbox } = await sandboxAt({ wantsTimestampTimers: true });
    const times = async () =>
      (await call('GET', '/time_entries')).json.time_entries.flatMap(
        (e: { started_time: string; ended_time: string }) => [e.started_time, e.ended_time],
      );
    expect((await times()).every((t: string) => /^\d{1,2}:\d{2}[ap]m$/.test(t))).toBe(true);
    expect(await times()).toContain('9:00am');

    sandbox.admin.setClock('24h');
    expect((await call('GET', '/company')).json.clock).toBe('24h');
    expect((await times()).every((t: string) => /^\d{2}:\d{2}$/.test(t))).toBe(true);
    expect(await times()).toContain('09:00');

    sandbox.admin.setClock('12h');
    expect(await times()).toContain('9:00am');
  });
});

describe('the week start', () => {
  it('reports any weekday as week_start_day and seeds "this week" from it', async () => {
    for (const day of WEEK_START_DAYS) {
      const { call, sandbox } = await sandboxAt({ weekStartDay: day });
      expect((await call('GET', '/company')).json.week_start_day).toBe(day);
      const { start } = weekOf(TODAY, day);
      const expected: string[] = [];
      for (let d = start; d <= TODAY; d = addDays(d, 1)) expected.push(d);
      const seeded = [...new Set(sandbox.admin.entries().map((e) => e.spent_date))].sort();
      expect([day, seeded]).toEqual([day, expected]);
    }
  });

  it('defaults to Monday and switches through the admin back door', async () => {
    const { call, sandbox } = await sandboxAt();
    expect((await call('GET', '/company')).json.week_start_day).toBe('Monday');
    sandbox.admin.setWeekStartDay('Thursday');
    expect((await call('GET', '/company')).json.week_start_day).toBe('Thursday');
  });
});

describe('the profile time zone', () => {
  it('defaults to the Harvest name of this computer’s zone, not its IANA name', async () => {
    const { call } = await sandboxAt();
    expect((await call('GET', '/users/me')).json.timezone).toBe(harvestZoneNameFor(computerZone()));
    // On a machine in New York the profile says what Harvest's profile settings would.
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const eastern = await sandboxAt({ seed: 'empty' });
      expect((await eastern.call('GET', '/users/me')).json.timezone).toBe('Eastern Time (US & Canada)');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('reports the zone it was given, and the one an admin sets', async () => {
    const { call, sandbox } = await sandboxAt({ timezone: 'Eastern Time (US & Canada)' });
    expect((await call('GET', '/users/me')).json.timezone).toBe('Eastern Time (US & Canada)');
    sandbox.admin.setTimezone('Tokyo');
    expect((await call('GET', '/users/me')).json.timezone).toBe('Tokyo');
  });

  it('refuses a zone name Harvest does not have, so a typo in a test shows at once', async () => {
    const { sandbox } = await sandboxAt();
    expect(() => sandbox.admin.setTimezone('Middle Earth')).toThrow(/not a Harvest time zone/);
    await expect(startSandbox({ timezone: 'Atlantis' })).rejects.toThrow(/not a Harvest time zone/);
  });
});
