// Owns the Chromium figures' process: `tsx bench/browser/main.ts <figure>` runs one on a preview of its own.
// bench/run.ts starts it, so the page code here is typechecked with the DOM (tsconfig.web-tests.json) and the
// rest of the bench without it.
import { keystrokesBench } from './keystrokes';
import { openBench } from './open';
import { closeBenchPreview } from './preview';
import { rendersBench } from './renders';

const figures: Record<string, () => Promise<void>> = {
  keystrokes: keystrokesBench,
  open: openBench,
  renders: rendersBench,
};

const run = figures[process.argv[2] ?? ''];
if (!run) throw new Error(`bench/browser: no figure called "${process.argv[2]}"`);
try {
  await run();
} finally {
  await closeBenchPreview();
}
