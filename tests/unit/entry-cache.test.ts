// Tests that entries saved by an older Sheaf, before entries carried billed hours, approval and links, still load.
import { describe, expect, it } from 'vitest';
import { CachedEntry, fromCached } from '../../electron/main/core/timesheet/entries';

const savedByOlderSheaf = {
  ref: 7,
  spentDate: '2026-11-25',
  clientName: 'Acme',
  projectId: 1,
  projectName: 'Website',
  projectCode: null,
  taskId: 2,
  taskName: 'Design',
  notes: '',
  hours: 1,
  runningSince: null,
  startedTime: null,
  endedTime: null,
  isLocked: true,
  lockedReason: 'Approved in Harvest',
  createdAt: '2026-11-25T08:00:00.000Z',
};

describe('the entry cache', () => {
  it('reads an entry saved before entries had rounded hours, approval and a link, with nothing invented', () => {
    const entry = fromCached(CachedEntry.parse(savedByOlderSheaf));
    expect(entry).toMatchObject({
      roundedHours: null,
      approval: 'unsubmitted',
      reference: null,
      isLocked: true,
    });
  });
});
