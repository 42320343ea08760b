// Owns how a focus session reads in words, the same in the popover and the tray: the phase's name and what is left.
import { msPerMinute } from './elapsed';
import type { FocusView } from './state';

export type FocusPhase = NonNullable<FocusView['phase']>;

export const focusPhaseNames: Record<FocusPhase, string> = {
  work: 'Focus',
  break: 'Break',
  longBreak: 'Long break',
};

/** Milliseconds left in the phase at `now` (never below zero): read from its end, so a sleep can't skew it. */
export function focusMsLeft(focus: FocusView, now: number): number {
  return focus.endsAt ? Math.max(0, Date.parse(focus.endsAt) - now) : 0;
}

/** Whole minutes left, rounded up: "1 min" until the phase is over, never "0 min" while it runs. */
export function focusMinutesLeft(focus: FocusView, now: number): number {
  return Math.ceil(focusMsLeft(focus, now) / msPerMinute);
}

/** "Focus 12m" for the menu bar; null when no session runs. */
export function focusTrayText(focus: FocusView, now: number): string | null {
  if (!focus.phase) return null;
  return `${focusPhaseNames[focus.phase]} ${focusMinutesLeft(focus, now)}m`;
}

/** "Focus: 12 min left" for a tooltip or a screen reader. */
export function focusLeftInWords(focus: FocusView, now: number): string | null {
  if (!focus.phase) return null;
  return `${focusPhaseNames[focus.phase]}: ${focusMinutesLeft(focus, now)} min left`;
}

/**
 * What is left as a countdown, "24:59" (minutes and seconds; an hour or more reads "1:04:59"). Whole seconds
 * rounded down: the popover reads "now" rounded down to the second, so a fresh 25 minutes shows 25:00, not 25:01.
 */
export function formatFocusLeft(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
