// Owns the render-count figure: which parts of the popover re-render on a timer tick (a timer running) and on a
// sync-line change (Sync now, no timer running). A tick or a sync-line change should re-render neither the picker
// nor the day list (issue 14). Parts are SignedInView's <Counted> boundaries, plus the day list and totals
// inside the day view, known by their first element.
import type { Page } from '@playwright/test';
import { goal } from '../report';
import { installCommitHook, type BenchWindow } from './page-scripts';
import { benchPreview, pickerReady } from './preview';

/** Inside the "day" boundary (DayView), by the element each component renders first. */
const innerParts = { 'day list': 'section.today', totals: 'dl.totals' };
const shown = ['picker', 'day', 'day list', 'totals', 'running', 'sync'] as const;
const names: Record<(typeof shown)[number], string> = {
  picker: 'picker (start form)',
  day: 'day view',
  'day list': 'day list',
  totals: 'totals',
  running: 'running timer',
  sync: 'sync line',
};
const tickSeconds = 3;

async function counted(page: Page, during: () => Promise<void>): Promise<Record<string, number>> {
  const commitsBefore = await page.evaluate(() => {
    const bench = (window as BenchWindow).__sheafBench!;
    bench.counts = {};
    bench.counting = true;
    return bench.commits;
  });
  await during();
  const { counts, commits } = await page.evaluate(() => {
    const bench = (window as BenchWindow).__sheafBench!;
    bench.counting = false;
    return { counts: bench.counts, commits: bench.commits };
  });
  return { ...counts, commits: commits - commitsBefore };
}

function line(title: string, counts: Record<string, number>): void {
  const parts = shown.map((part) => `${names[part]} ${counts[part] ?? 0}`).join(', ');
  console.log(`renders ${title}: ${parts} (${counts.commits} commits)`);
}

/** Until Harvest has seen no request for a while, so a count includes any follow-up refresh. */
async function settled(page: Page, requests: () => number): Promise<void> {
  let seen = -1;
  for (let i = 0; i < 20 && seen !== requests(); i++) {
    seen = requests();
    await page.waitForTimeout(1000);
  }
}

export async function rendersBench(): Promise<void> {
  const preview = await benchPreview();
  const page = await preview.newPage((p) => p.addInitScript(installCommitHook, innerParts));
  const requests = () => preview.sandbox.requestLog.length;
  await page.goto(preview.host.url);
  await pickerReady(page);
  const found = await page.evaluate(
    (selectors) => Object.values(selectors).filter((s) => !document.querySelector(s)),
    innerParts,
  );
  if (found.length > 0) console.log(`  (not on the page, so counted as 0: ${found.join(', ')})`);

  // Enter on the first match starts its timer at once.
  const picker = page.getByRole('combobox', { name: 'Project and task' });
  await picker.fill('p-0002');
  await picker.press('Enter');
  await page.getByRole('timer', { name: 'Elapsed time' }).waitFor();
  await settled(page, requests);
  const ticks = await counted(page, () => page.waitForTimeout(tickSeconds * 1000));
  line(`over ${tickSeconds} timer ticks (${tickSeconds} s, timer running)`, ticks);
  goal('picker re-renders on tick:', ticks.picker ?? 0, '=', 0);
  goal('day list re-renders on tick:', ticks['day list'] ?? 0, '=', 0);

  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await settled(page, requests);
  const before = requests();
  const sync = await counted(page, async () => {
    await page.getByRole('button', { name: 'Sync now' }).click();
    await settled(page, requests);
  });
  line(`on a sync-line change (Sync now, ${requests() - before} requests, no timer)`, sync);
  goal('picker re-renders on sync-line change:', sync.picker ?? 0, '=', 0);
  goal('day list re-renders on sync-line change:', sync['day list'] ?? 0, '=', 0);
  await page.close();
}
