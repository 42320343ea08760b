// Owns the keystroke figure: the real popover's work per keystroke in Chromium at 20,000 pairs, from the input
// event until React has committed and layout is done, over queries typed letter by letter, erased letter by
// letter and pasted whole (issue 14: p95 < 8 ms, median < 4 ms).
import { pairCount } from '../account';
import { prefixes, typedQueries } from '../queries';
import { goal, ms, stats } from '../report';
import { installCommitHook, typeInPicker } from './page-scripts';
import { benchPreview, pickerReady } from './preview';

type Kind = 'typed' | 'erased' | 'pasted' | 'cleared';

/** Every query grown and shrunk a letter at a time, then each pasted into the empty field and cleared. */
function keystrokes(): { value: string; kind: Kind }[] {
  const steps: { value: string; kind: Kind }[] = [];
  for (const query of typedQueries) {
    const grown = prefixes(query);
    steps.push(...grown.map((value) => ({ value, kind: 'typed' as const })));
    steps.push(...[...grown.slice(0, -1).reverse(), ''].map((value) => ({ value, kind: 'erased' as const })));
  }
  for (const query of typedQueries) {
    steps.push({ value: query, kind: 'pasted' }, { value: '', kind: 'cleared' });
  }
  return steps;
}

export async function keystrokesBench(): Promise<void> {
  const preview = await benchPreview();
  const page = await preview.newPage((p) => p.addInitScript(installCommitHook, null));
  await page.goto(preview.host.url);
  await pickerReady(page);
  // Warm the page's JIT and the matcher's first use the way a first query would, outside the measurement.
  await page.evaluate(typeInPicker, [...prefixes('warm up'), 'warm', '']);

  const steps = keystrokes();
  const times = await page.evaluate(
    typeInPicker,
    steps.map((s) => s.value),
  );
  await page.close();

  const all = stats(times);
  console.log(`keystrokes in Chromium, ${pairCount} pairs (${times.length} keystrokes):`);
  goal('keystroke work p95', all.p95, '<', 8, 'ms');
  goal('keystroke work median', all.median, '<', 4, 'ms');
  console.log(`keystroke work max ${ms(all.max, 1)}`);
  for (const kind of ['typed', 'erased', 'pasted', 'cleared'] as const) {
    const s = stats(times.filter((_, i) => steps[i]!.kind === kind));
    const count = steps.filter((step) => step.kind === kind).length;
    console.log(
      `  ${kind.padEnd(7)} (${String(count).padStart(3)}): median ${ms(s.median, 1)}, p95 ${ms(s.p95, 1)}, ` +
        `max ${ms(s.max, 1)}`,
    );
  }
}
