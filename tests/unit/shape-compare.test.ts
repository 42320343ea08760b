// Owns the checks on the shape comparison the sandbox contract test relies on: it must fail for a missing field
// or a wrong type, honour what a recorded null allows, and name the fields Harvest never sends.
import { describe, expect, it } from 'vitest';
import { ShapeCatalog, compareShape, compareShapes, kindOf } from '../fixtures/harvest/shape-compare';

const recordedEntry = {
  id: 1,
  hours: 2,
  notes: null,
  project: { id: 10, name: 'Website', code: 'WEB' },
  client: { id: 20, name: 'Acme', currency: 'USD' },
  invoice: null,
};

describe('kindOf', () => {
  it('names the JSON kind of a value, and absent for undefined', () => {
    expect([undefined, null, 'a', 1.5, false, {}, []].map(kindOf)).toEqual([
      'absent',
      'null',
      'string',
      'number',
      'boolean',
      'object',
      'array',
    ]);
  });
});

describe('compareShape', () => {
  it('finds nothing wrong when the body has every recorded field with the recorded kinds', () => {
    const report = compareShape(recordedEntry, structuredClone(recordedEntry), { root: 'entry' });
    expect(report).toEqual({ problems: [], extras: [] });
  });

  it('fails for a field the recorded body has and the body lacks, however deep', () => {
    const { currency: _currency, ...client } = recordedEntry.client;
    const { hours: _hours, ...rest } = recordedEntry;
    const report = compareShape(recordedEntry, { ...rest, client }, { root: 'entry' });
    expect(report.problems).toEqual([
      { path: 'entry.client.currency', problem: 'missing', harvest: 'string', actual: 'absent' },
      { path: 'entry.hours', problem: 'missing', harvest: 'number', actual: 'absent' },
    ]);
  });

  it('fails for a number sent as a string, and for an object sent as a string', () => {
    const report = compareShape(
      recordedEntry,
      { ...recordedEntry, hours: '2.0', project: 'Website' },
      {
        root: 'entry',
      },
    );
    expect(report.problems).toEqual([
      { path: 'entry.hours', problem: 'type', harvest: 'number', actual: 'string' },
      { path: 'entry.project', problem: 'type', harvest: 'object', actual: 'string' },
    ]);
  });

  it('accepts null or the kind other recorded bodies send where the recorded body has null', () => {
    const catalog = new ShapeCatalog()
      .add(recordedEntry, 'entry')
      .add({ ...recordedEntry, notes: 'Coding', invoice: { id: 5, number: '1' } }, 'entry');
    const withNotes = { ...recordedEntry, notes: 'Kickoff', invoice: { id: 6, number: '2' } };
    expect(compareShape(recordedEntry, withNotes, { root: 'entry', catalog }).problems).toEqual([]);
    expect(compareShape(recordedEntry, recordedEntry, { root: 'entry', catalog }).problems).toEqual([]);
  });

  it('fails where the recorded body has null and the body sends a kind no recorded body sends there', () => {
    const catalog = new ShapeCatalog()
      .add(recordedEntry, 'entry')
      .add({ ...recordedEntry, notes: 'x' }, 'entry');
    const report = compareShape(
      recordedEntry,
      { ...recordedEntry, notes: 3, invoice: 'INV-1' },
      {
        root: 'entry',
        catalog,
      },
    );
    expect(report.problems).toEqual([
      { path: 'entry.invoice', problem: 'type', harvest: 'null', actual: 'string' },
      { path: 'entry.notes', problem: 'type', harvest: 'null|string', actual: 'number' },
    ]);
  });

  it('accepts null for a recorded value only where some recorded body of the family sends null', () => {
    const catalog = new ShapeCatalog()
      .add(recordedEntry, 'entry')
      .add({ ...recordedEntry, project: { ...recordedEntry.project, code: null } }, 'entry');
    const body = { ...recordedEntry, hours: null, project: { ...recordedEntry.project, code: null } };
    expect(compareShape(recordedEntry, body, { root: 'entry', catalog }).problems).toEqual([
      { path: 'entry.hours', problem: 'type', harvest: 'number', actual: 'null' },
    ]);
  });

  it('holds every item of a list against the recorded item, and knows an entry alone and in a page alike', () => {
    const page = { time_entries: [recordedEntry], per_page: 2000, links: { next: null } };
    const catalog = new ShapeCatalog()
      .add(page, 'page')
      .add({ ...recordedEntry, notes: 'x' }, 'time_entries[]');
    const { client: _client, ...noClient } = recordedEntry;
    const body = {
      time_entries: [
        recordedEntry,
        noClient,
        { ...recordedEntry, notes: 'fine: another body sends a string' },
      ],
      per_page: '2000',
      links: { next: 'https://example.com/?page=2' },
    };
    expect(compareShape(page, body, { root: 'page', catalog }).problems).toEqual([
      { path: 'page.links.next', problem: 'type', harvest: 'null', actual: 'string' },
      { path: 'page.per_page', problem: 'type', harvest: 'number', actual: 'string' },
      { path: 'page.time_entries[].client', problem: 'missing', harvest: 'object', actual: 'absent' },
    ]);
  });

  it('names the fields the body sends that no recorded body of the family has', () => {
    const catalog = new ShapeCatalog()
      .add(recordedEntry, 'entry')
      .add({ ...recordedEntry, budgeted: true }, 'entry');
    const body = {
      ...recordedEntry,
      budgeted: false,
      sandbox_only: 1,
      client: { ...recordedEntry.client, x: 1 },
    };
    const report = compareShape(recordedEntry, body, { root: 'entry', catalog });
    expect(report).toEqual({ problems: [], extras: ['entry.client.x', 'entry.sandbox_only'] });
  });

  it('fails when there is no body at all where a recorded body is', () => {
    expect(compareShape(recordedEntry, undefined, { root: 'entry' }).problems).toEqual([
      { path: 'entry', problem: 'missing', harvest: 'object', actual: 'absent' },
    ]);
  });
});

describe('compareShapes', () => {
  it('reports what any of several recorded bodies finds missing', () => {
    const older = { id: 1, hours: 2 };
    const newer = { id: 1, hours: 2, rounded_hours: 2 };
    const catalog = new ShapeCatalog().add(older, 'entry').add(newer, 'entry');
    const report = compareShapes(
      [older, newer],
      { id: 3, hours: 1, extra: true },
      { root: 'entry', catalog },
    );
    expect(report).toEqual({
      problems: [{ path: 'entry.rounded_hours', problem: 'missing', harvest: 'number', actual: 'absent' }],
      extras: ['entry.extra'],
    });
  });
});
