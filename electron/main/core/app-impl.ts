// Placeholder while the timer service lands; replaced in the next commit.
import type { SheafApp, SheafAppOptions } from './app';
export function createSheafApp(_options: SheafAppOptions): SheafApp {
  throw new Error('not implemented yet');
}
