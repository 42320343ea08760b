// What the preview says when it is up: a few lines a person reads, the URL line scripts read unchanged.
import { describe, expect, it } from 'vitest';
import { introLines } from '../../../electron/web/intro';

const url = 'http://127.0.0.1:5000/?key=k';

describe('the preview’s opening lines', () => {
  it('say where it opened, that the demo starts fresh, that `sheaf` drives it, and how to stop it', () => {
    expect(introLines({ url, opened: true, demo: true, drivable: true })).toEqual([
      `Sheaf preview: ${url}`,
      '  Opened in your browser; the link above opens it again.',
      '  Demo: a pretend Harvest account that starts fresh each time; nothing is sent to Harvest.',
      '  From another terminal, `npx sheaf status` or `npx sheaf start "project task"` drives it.',
      '  Press Ctrl+C to stop.',
    ]);
  });

  it('leave out the demo and the `sheaf` command when neither applies, and stay within five lines', () => {
    const lines = introLines({ url, opened: false, demo: false, drivable: false });
    expect(lines).toEqual([
      `Sheaf preview: ${url}`,
      '  Open the link above to use it.',
      '  Press Ctrl+C to stop.',
    ]);
    expect(introLines({ url, opened: true, demo: true, drivable: true }).length).toBeLessThanOrEqual(5);
  });
});
