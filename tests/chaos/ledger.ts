// Owns what the scripted person believes was done, one entry a token, and the end of a run's check: Harvest's
// entries against that ledger (lost, duplicated, wrong duration), with CHAOS_DEBUG's account of one entry.
import type { Sandbox } from '../../electron/sandbox/server';
import { msPerMinute as minute } from '../../shared/elapsed';

/** What the person believes about one entry, from the moments they acted. */
export interface Expected {
  token: string;
  /** Running segments end `null`. Hours = sum of segments, or `fixed` once they set hours by hand. */
  segments: { from: number; to: number | null }[];
  fixed: number | null;
  deleted: boolean;
  resumes: number;
  spentDate: string;
  /** The notes the person last gave it: a lost notes change counts as lost too. */
  notes: string;
  /** The Harvest account it was made in. */
  account: string;
  /** The work it was started from (external_reference's id), which Harvest must have too. */
  reference?: string;
}

export type Ledger = Map<string, Expected>;

/**
 * The person stops whatever runs at `at` (starting or resuming another stops it too): in `account` only, or in
 * every account (a start that stops the other account's timer too).
 */
export function stopRunningAt(ledger: Ledger, at: number, account: string | null = null) {
  for (const e of ledger.values()) {
    if (account !== null && e.account !== account) continue;
    const last = e.segments.at(-1);
    if (last && last.to === null) last.to = at;
  }
}

export interface Differences {
  lost: number;
  duplicated: number;
  wrongDuration: number;
}

/** Harvest's entries against the ledger, with running ones ending at `end`; each difference adds a line to `details`. */
export function compareWithHarvest(
  ledger: Ledger,
  sandbox: Pick<Sandbox, 'requestLog'> & { entries(): ReturnType<Sandbox['admin']['entries']> },
  start: Date,
  end: number,
  details: string[],
): Differences {
  let lost = 0;
  let duplicated = 0;
  let wrongDuration = 0;
  const inHarvest = new Map<
    string,
    { hours: number; notes: string; times: string; reference: string | null }[]
  >();
  for (const e of sandbox.entries()) {
    const t = (e.notes ?? '').split(' ')[0]!;
    inHarvest.set(t, [
      ...(inHarvest.get(t) ?? []),
      {
        hours: e.hours,
        notes: e.notes ?? '',
        times: e.started_time ? ` (${e.started_time}-${e.ended_time ?? ''})` : '',
        reference: e.external_reference?.id ?? null,
      },
    ]);
  }
  /** CHAOS_DEBUG: the ledger's view of one entry and every request Harvest saw about it, in minutes from the start. */
  function explain(x: Expected) {
    const mins = (ms: number | null) => (ms === null ? 'open' : ((ms - start.getTime()) / minute).toFixed(0));
    const ids = sandbox
      .entries()
      .filter((e) => e.notes?.startsWith(`${x.token} `))
      .map((e) => String(e.id));
    console.log(
      `debug ${x.token} ids ${ids.join(',')}: segments ${x.segments.map((g) => `${mins(g.from)}-${mins(g.to)}`).join(', ')}`,
    );
    for (const r of sandbox.requestLog) {
      if (ids.some((id) => r.path.includes(id)) || JSON.stringify(r.body ?? '').includes(`${x.token} `))
        console.log(
          `  ${mins(Date.parse(r.at))} ${r.method} ${r.path} ${r.status} ${JSON.stringify(r.body ?? '')}`,
        );
    }
  }

  for (const x of ledger.values()) {
    const found = inHarvest.get(x.token) ?? [];
    inHarvest.delete(x.token);
    if (x.deleted) {
      if (found.length > 0) {
        duplicated += found.length;
        details.push(`${x.token}: deleted, but Harvest still has it`);
        if (process.env.CHAOS_DEBUG) explain(x);
      }
      continue;
    }
    if (found.length === 0) {
      lost++;
      details.push(`${x.token}: missing in Harvest`);
      continue;
    }
    if (found.length > 1) {
      duplicated += found.length - 1;
      details.push(`${x.token}: ${found.length} copies in Harvest`);
    }
    if (found[0]!.notes !== x.notes) {
      lost++;
      details.push(`${x.token}: notes "${found[0]!.notes}" in Harvest, "${x.notes}" by the ledger`);
    }
    // A start from an issue's address: the link is part of what was started, and lost if Harvest lacks it.
    if (x.reference !== undefined && found[0]!.reference !== x.reference) {
      lost++;
      details.push(
        `${x.token}: linked to ${found[0]!.reference ?? 'nothing'} in Harvest, ${x.reference} by the ledger`,
      );
    }
    const expected = x.fixed ?? x.segments.reduce((h, seg) => h + ((seg.to ?? end) - seg.from) / 3.6e6, 0);
    // A minute, plus Harvest's own precision: it keeps hours to 0.01 h (36 s), so each stop rounds, and Sheaf
    // leaves a start or restart heard less than 0.01 h late as it is. Each stretch after the first adds that.
    const tolerance = 1 / 60 + Math.max(0, x.segments.length - 1) * 0.01;
    if (Math.abs(found[0]!.hours - expected) > tolerance) {
      wrongDuration++;
      details.push(
        `${x.token}: ${found[0]!.hours} h in Harvest${found[0]!.times}, ${expected.toFixed(3)} h by the ledger`,
      );
      if (process.env.CHAOS_DEBUG && wrongDuration === 1) explain(x);
    }
  }
  for (const [t, found] of inHarvest) {
    duplicated += found.length;
    details.push(`${t}: in Harvest but never acknowledged`);
  }
  return { lost, duplicated, wrongDuration };
}

/**
 * Where the company rounds, the day's billed hours Sheaf shows against what Harvest's reports add up (each
 * finished entry's rounded_hours); where Sheaf saw no rounding, Harvest's must equal the hours tracked. A line
 * saying how they differ, or null.
 */
export function billedDifference(
  billed: { date: string; dayHours: number | null },
  entries: ReturnType<Sandbox['admin']['entries']>,
): string | null {
  const day = entries.filter((e) => e.spent_date === billed.date && !e.is_running);
  const cents = (h: number) => Math.round(h * 100) / 100;
  const harvest = cents(day.reduce((t, e) => t + (e.rounded_hours ?? e.hours), 0));
  const shown = billed.dayHours ?? cents(day.reduce((t, e) => t + e.hours, 0));
  // A hundredth per entry: Sheaf sums Harvest's figures as they are, Harvest's own sums round each to 0.01.
  if (Math.abs(shown - harvest) <= 0.01 * Math.max(1, day.length)) return null;
  return `${billed.date}: Sheaf shows ${shown} h billed (${billed.dayHours === null ? 'no rounding seen' : 'rounded'}), Harvest's reports ${harvest} h`;
}
