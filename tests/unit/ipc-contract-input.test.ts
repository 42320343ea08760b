// The IPC contract's own checks on dates and times: what it lets through is what core and Harvest can take.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { commands, type CommandName } from '../../shared/ipc';
import { endBeforeStart } from '../../shared/wall-clock';

const firstMessage = (name: CommandName, input: unknown): string | null => {
  const result = commands[name].input.safeParse(input);
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid');
};

const entry = { projectId: 1, taskId: 2, hours: 1 };
/** Every date the contract takes, as a way to build that command's input around one date. */
const dateFields: Array<[string, CommandName, (date: string) => unknown]> = [
  ['addEntry spentDate', 'addEntry', (spentDate) => ({ ...entry, spentDate })],
  ['showDay date', 'showDay', (date) => ({ date })],
];

describe('dates in the contract', () => {
  it('lists every date field the contract has, so each is checked below', () => {
    const found: string[] = [];
    for (const [name, command] of Object.entries(commands)) {
      const shape = (command.input as unknown as z.ZodObject).shape as Record<string, unknown> | undefined;
      for (const key of Object.keys(shape ?? {})) if (/date/i.test(key)) found.push(`${name} ${key}`);
    }
    expect(found.sort()).toEqual(dateFields.map(([field]) => field).sort());
  });

  describe.each(dateFields)('%s', (_field, name, input) => {
    it.each(['2025-02-30', '2025-12-32', '2025-02-29', '2025-13-01'])(
      'refuses %s, a day the calendar does not have, saying so',
      (date) =>
        expect(firstMessage(name, input(date))).toBe(
          `${date} isn't a day on the calendar. Pick a date like 2025-01-31`,
        ),
    );

    it.each(['0000-00-00', '0099-01-01', '1899-12-31', '3000-01-01', '9999-99-99'])(
      'refuses %s, outside the years 1900 to 2999, saying which years it takes',
      (date) => expect(firstMessage(name, input(date))).toBe('Pick a date in the years 1900 to 2999'),
    );

    it.each(['2025-2-3', '20250203', '', ' 2025-02-03', '2025-02-03T00:00'])(
      'refuses "%s", not written like 2025-01-31',
      (date) => expect(firstMessage(name, input(date))).toBe('Pick a date like 2025-01-31'),
    );

    it.each(['2024-02-29', '1900-01-01', '2999-12-31', '2026-11-25'])('takes %s', (date) =>
      expect(firstMessage(name, input(date))).toBeNull(),
    );
  });
});

describe('times in the contract', () => {
  const added = (startedTime: string, endedTime: string) => ({
    projectId: 1,
    taskId: 2,
    spentDate: '2026-11-25',
    startedTime,
    endedTime,
  });

  it.each(['13:00pm', '0:30am', '24:00', '9:60', '9', 'noon', `9:00${' '.repeat(100)}am`])(
    'refuses "%s", a time core could not read, in addEntry and editEntry',
    (time) => {
      expect(firstMessage('addEntry', added(time, '11:00pm'))).toBe('Use a time like 9:00am or 14:30');
      expect(firstMessage('editEntry', { entryId: 5, changes: { startedTime: time } })).toBe(
        'Use a time like 9:00am or 14:30',
      );
    },
  );

  it.each([
    ['9:00am', '8:30am'],
    ['14:30', '2:00pm'],
    ['12:30pm', '12:10pm'],
  ])('refuses an entry from %s to %s, whose end comes before its start', (start, end) => {
    expect(firstMessage('addEntry', added(start, end))).toBe(endBeforeStart);
    expect(firstMessage('editEntry', { entryId: 5, changes: { startedTime: start, endedTime: end } })).toBe(
      endBeforeStart,
    );
  });

  it.each([
    ['9:00am', '9:00am'],
    ['11:30am', '12:15pm'],
    ['14:30', '3:00pm'],
    [' 8:00 am ', '17:00'],
  ])('takes an entry from %s to %s', (start, end) => {
    expect(firstMessage('addEntry', added(start, end))).toBeNull();
    expect(
      firstMessage('editEntry', { entryId: 5, changes: { startedTime: start, endedTime: end } }),
    ).toBeNull();
  });

  it('leaves one new time alone at the contract: only core knows the entry it is ordered against', () => {
    expect(firstMessage('editEntry', { entryId: 5, changes: { endedTime: '6:00am' } })).toBeNull();
  });
});
