// The outbox's saved form: every kind of change, with every field it can carry, comes back from disk exactly as
// it went; each line carries its form's version, and the unversioned lines of earlier builds still load.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { nodeDisk, setDisk } from '../../electron/main/core/storage/disk';
import { IntentSchema, intentKinds, type Intent } from '../../electron/main/core/timesheet/intent-schema';
import { Outbox, type OutboxContents } from '../../electron/main/core/timesheet/outbox';
import { outboxVersion } from '../../electron/main/core/timesheet/outbox-lines';
import type { SetAside } from '../../electron/main/core/timesheet/set-aside';
import { FaultyDisk } from '../fixtures/faulty-disk';

/** Every optional field made required, at any depth: a sample of this type can't leave a field out. */
type Complete<T> = T extends (infer U)[]
  ? Complete<U>[]
  : T extends object
    ? { [K in keyof T]-?: Complete<Exclude<T[K], undefined>> }
    : T;

const at = '2026-11-25T10:00:00.000Z';
const names = { clientName: 'Acme', projectName: 'Website', projectCode: 'WEB', taskName: 'Design' };
const create = {
  id: 'c1',
  at,
  localRef: 'local-1',
  projectId: 1,
  taskId: 2,
  notes: 'notes',
  names,
  reference: {
    id: 'acme/site#12',
    groupId: 'acme/site',
    permalink: 'https://github.com/acme/site/issues/12',
    service: 'GitHub',
  },
  attempted: true,
  sentNotes: 'sent notes',
  sentAt: '2026-11-25T10:00:01.000Z',
  knownIds: [5, 6],
  sentHours: 1.5,
  sentStartedTime: '9:00am',
  replaces: { ref: 4, hours: 0.75 },
};

/** One change of each kind with every field set. A new kind fails to compile here until it has one. */
const samples: { [K in Intent['kind']]: Complete<Extract<Intent, { kind: K }>> } = {
  start: { kind: 'start', ...create },
  add: {
    kind: 'add',
    ...create,
    spentDate: '2026-11-25',
    hours: 2,
    startedTime: '9:00am',
    endedTime: '11:00am',
  },
  stop: { kind: 'stop', id: 's1', at, ref: 'local-1', targetHours: 0.5 },
  restart: { kind: 'restart', id: 'r1', at, ref: 7, baseHours: 1, replaces: { ref: 8, hours: 0.25 } },
  updateNotes: { kind: 'updateNotes', id: 'n1', at, ref: 7, notes: 'new words' },
  edit: {
    kind: 'edit',
    id: 'e1',
    at,
    ref: 7,
    changes: {
      projectId: 3,
      taskId: 4,
      names,
      notes: 'edited',
      hours: 3,
      startedTime: '8:00am',
      endedTime: '11:00am',
      reference: null,
    },
  },
  delete: { kind: 'delete', id: 'd1', at, ref: 7, holdUntil: '2026-11-25T10:00:05.000Z' },
};

/** The fields `schema` declares that `value` leaves unset (walked through objects, optionals and arrays). */
function unsetFields(schema: z.ZodType, value: unknown, path = ''): string[] {
  if (schema instanceof z.ZodOptional)
    return value === undefined ? [path] : unsetFields(schema.unwrap() as z.ZodType, value, path);
  if (schema instanceof z.ZodNullable)
    return value === null ? [] : unsetFields(schema.unwrap() as z.ZodType, value, path);
  if (schema instanceof z.ZodArray) {
    const items = value as unknown[];
    if (items.length === 0) return [`${path}[]`];
    return items.flatMap((item, i) => unsetFields(schema.element as z.ZodType, item, `${path}[${i}]`));
  }
  if (schema instanceof z.ZodObject) {
    const object = value as Record<string, unknown>;
    return Object.entries(schema.shape).flatMap(([key, field]) =>
      key in object ? unsetFields(field as z.ZodType, object[key], `${path}.${key}`) : [`${path}.${key}`],
    );
  }
  return [];
}

const schemaOf = (kind: Intent['kind']) => IntentSchema.options.find((o) => o.shape.kind.value === kind)!;

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sheaf-outbox-form-'));
  file = join(dir, 'outbox.jsonl');
});
afterEach(() => {
  setDisk(nodeDisk);
  rmSync(dir, { recursive: true, force: true });
});

const contents = (intents: Intent[], setAside: SetAside[] = []): OutboxContents => ({
  intents,
  ids: new Map([['local-1', 42]]),
  setAside,
});

describe('every kind of change', () => {
  it('has a sample with every field its schema declares set', () => {
    for (const kind of intentKinds) expect(unsetFields(schemaOf(kind), samples[kind]), kind).toEqual([]);
  });

  it.each(intentKinds)('comes back from a save and a load exactly as it went (%s)', async (kind) => {
    const intent = samples[kind] as Intent;
    await new Outbox(file).save(contents([intent]));
    const loaded = await new Outbox(file).load();
    expect(loaded.problems).toEqual([]);
    expect(loaded.intents).toEqual([intent]);
    expect(loaded.ids).toEqual(new Map([['local-1', 42]]));
  });

  it.each(intentKinds)(
    'comes back the same when Harvest refused it and it was set aside (%s)',
    async (kind) => {
      const item: SetAside = {
        id: 'x1',
        intent: samples[kind] as Intent,
        reason: 'Harvest said no',
        summary: 'Start Website — Design',
        entry: { projectId: 1, taskId: 2, notes: 'kept', hours: 1.25, names },
      };
      await new Outbox(file).save(contents([], [item, { ...item, id: 'x2', entry: null }]));
      const loaded = await new Outbox(file).load();
      expect(loaded.setAside).toEqual([item, { ...item, id: 'x2', entry: null }]);
    },
  );
});

describe('the saved form', () => {
  it('stamps every line with the version of its form', async () => {
    await new Outbox(file).save(contents(Object.values(samples) as Intent[]));
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + intentKinds.length);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ v: outboxVersion });
  });

  it("reads an earlier build's unversioned lines, and writes them back in today's form", async () => {
    // As Sheaf wrote its outbox before lines carried a version.
    writeFileSync(
      file,
      [
        '{"type":"id","local":"local-1","id":42}',
        JSON.stringify({ type: 'intent', intent: samples.start }),
        '{"type":"intent","intent":{"kind":"stop","id":"s1","at":"2026-11-25T10:00:00.000Z","ref":"local-1"}}',
        '',
      ].join('\n'),
    );
    const outbox = new Outbox(file);
    const loaded = await outbox.load();
    expect(loaded.problems).toEqual([]);
    expect(loaded.ids.get('local-1')).toBe(42);
    expect(loaded.intents).toEqual([samples.start, { kind: 'stop', id: 's1', at, ref: 'local-1' }]);
    await outbox.save(loaded);
    const versions = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { v?: number }).v);
    expect(versions).toEqual([outboxVersion, outboxVersion, outboxVersion]);
  });

  it('reads a restart saved as "resume" by a version-2 build as a restart, in the queue and set aside alike', async () => {
    const { kind: _kind, ...restart } = samples.restart;
    const resume = { ...restart, kind: 'resume' };
    writeFileSync(
      file,
      [
        JSON.stringify({ v: 2, type: 'intent', intent: resume }),
        JSON.stringify({
          v: 2,
          type: 'setAside',
          item: {
            id: 'x1',
            intent: resume,
            reason: 'Harvest said no',
            summary: 'Restart Website — Design',
            entry: null,
          },
        }),
        '',
      ].join('\n'),
    );
    const loaded = await new Outbox(file).load();
    expect(loaded.problems).toEqual([]);
    expect(loaded.intents).toEqual([samples.restart]);
    expect(loaded.setAside.map((s) => s.intent)).toEqual([samples.restart]);
  });

  it('never drops a field it does not know: the line is set aside whole, and said', async () => {
    const unknown = { ...samples.start, id: 'u1', sentVia: 'carrier pigeon' };
    writeFileSync(
      file,
      `${JSON.stringify({ v: outboxVersion, type: 'intent', intent: samples.stop })}\n` +
        `${JSON.stringify({ v: outboxVersion, type: 'intent', intent: unknown })}\n`,
    );
    const loaded = await new Outbox(file).load();
    expect(loaded.intents).toEqual([samples.stop]);
    expect(loaded.problems).toEqual([expect.stringMatching(/^1 damaged line .* set aside/)]);
    const copy = readdirSync(dir).find((n) => n.startsWith('outbox.jsonl.damaged-'))!;
    expect(readFileSync(join(dir, copy), 'utf8')).toContain('carrier pigeon');
  });

  it('sets aside a line from a newer Sheaf rather than misread it', async () => {
    writeFileSync(
      file,
      `${JSON.stringify({ v: outboxVersion + 1, type: 'intent', intent: samples.stop })}\n`,
    );
    const loaded = await new Outbox(file).load();
    expect(loaded.intents).toEqual([]);
    expect(loaded.problems).toEqual([expect.stringMatching(/^1 damaged line/)]);
  });
});

describe('a damaged line on a disk that refuses writes', () => {
  const damagedOutbox = () =>
    `${JSON.stringify({ v: outboxVersion, type: 'intent', intent: samples.start })}\n{"v":2,"type":"inte\n`;

  it('leaves the file as it was when even the copy of it could not be written', async () => {
    writeFileSync(file, damagedOutbox());
    const disk = new FaultyDisk();
    disk.failing = 'ENOSPC';
    setDisk(disk);
    const loaded = await new Outbox(file).load();
    expect(loaded.intents).toEqual([samples.start]);
    expect(loaded.unsaved?.code).toBe('ENOSPC');
    expect(loaded.problems).toEqual([
      expect.stringMatching(/the disk is full\. Every intact change is kept/),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(damagedOutbox());
    expect(readdirSync(dir)).toEqual(['outbox.jsonl']);
  });

  it('leaves the file as it was when the copy was written but the intact lines could not be', async () => {
    writeFileSync(file, damagedOutbox());
    const disk = new FaultyDisk(nodeDisk, (f) => f === file);
    disk.failing = 'ENOSPC';
    setDisk(disk);
    const outbox = new Outbox(file);
    const loaded = await outbox.load();
    expect(loaded.intents).toEqual([samples.start]);
    expect(readFileSync(file, 'utf8')).toBe(damagedOutbox());
    // Once a save works, the file holds only what memory has; the copy holds the original.
    disk.failing = null;
    await outbox.save(loaded);
    expect(readFileSync(file, 'utf8')).not.toContain('"inte\n');
    const copies = readdirSync(dir).filter((n) => n.startsWith('outbox.jsonl.damaged-'));
    expect(copies.map((n) => readFileSync(join(dir, n), 'utf8'))).toEqual([damagedOutbox()]);
  });

  it('copies the damaged original before the first save that works drops its damaged line', async () => {
    writeFileSync(file, damagedOutbox());
    const disk = new FaultyDisk();
    disk.failing = 'ENOSPC';
    setDisk(disk);
    const outbox = new Outbox(file);
    const loaded = await outbox.load();
    disk.failing = null;
    await outbox.save({ ...loaded, intents: [...loaded.intents, samples.stop] });
    expect((await new Outbox(file).load()).intents).toEqual([samples.start, samples.stop]);
    const copies = readdirSync(dir).filter((n) => n.startsWith('outbox.jsonl.damaged-'));
    expect(copies.map((n) => readFileSync(join(dir, n), 'utf8'))).toEqual([damagedOutbox()]);
  });
});
