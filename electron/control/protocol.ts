// Owns the control socket's contract between the running Sheaf and the `sheaf` command: where the socket is, what
// one request line may say and how long it may be, and what comes back.
import { z } from 'zod';
import type { CommandName } from '../../shared/ipc';
import { maxAnswerBytes, maxRequestBytes } from './wire';

// The command's half lives in wire.ts (no zod there); everything the socket's contract says is still named here.
export {
  busyMessage,
  controlSocketPath,
  defaultDataDirs,
  defaultPreviewDataDir,
  lineReader,
  maxAnswerBytes,
  maxRequestBytes,
  notRunningMessage,
  type ControlAnswer,
} from './wire';

/** A connection that says nothing for this long is closed: a script waits on Sheaf, never the other way. */
export const idleTimeoutMs = 10_000;

/** What one connection, and all of them together, may cost the host. */
export interface ControlLimits {
  /** Longest line a request may be, counted whole (not what is left over after splitting). */
  requestBytes: number;
  idleMs: number;
  /** From the connect, whatever arrives: `sheaf` is done in seconds, even waiting for Harvest. */
  deadlineMs: number;
  /** Scripts talking at once; the next is told Sheaf is busy. */
  connections: number;
  /** Requests read and waiting for their answer; past this Sheaf stops reading until it has answered. */
  queuedRequests: number;
  /** One answer; a bigger one is refused, saying so, rather than sent or cut. */
  answerBytes: number;
  /** Answers written but not yet read by the client. */
  queuedAnswerBytes: number;
}

export const controlLimits: ControlLimits = {
  requestBytes: maxRequestBytes,
  idleMs: idleTimeoutMs,
  deadlineMs: 30_000,
  connections: 16,
  queuedRequests: 16,
  answerBytes: maxAnswerBytes,
  queuedAnswerBytes: maxAnswerBytes,
};

/** What a script hears instead of an answer bigger than the socket carries (the command reads no more). */
export function answerTooLarge(bytes: number, limit: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `Sheaf's answer is ${mb(bytes)}, more than a script may be sent (${mb(limit)}). Open Sheaf to see it.`;
}

/**
 * Whether a script may send each IPC command: reading the state and the timer's own changes, nothing more.
 * Signing in or out, deleting and settings stay with the popover, where the person sees what they do. No list of
 * assignments: words are matched in core (startByWords), so no answer is bigger than a state snapshot. Every
 * command is decided here: a new one fails to compile until it is.
 */
const scriptable = {
  getState: true,
  listAssignments: false,
  startByWords: true,
  restartLast: true,
  installCommand: false,
  openWorkLink: false,
  linkedWork: false,
  startTimer: true,
  stopTimer: true,
  toggleTimer: true,
  restartEntry: true,
  updateNotes: true,
  signIn: false,
  signInDemo: false,
  signOut: false,
  signOutOf: false,
  signInWithHarvest: false,
  cancelSignIn: false,
  chooseAccounts: false,
  cancelAccountChoice: false,
  switchAccount: false,
  refresh: false,
  addEntry: false,
  editEntry: false,
  deleteEntry: false,
  undoDelete: false,
  resolveSetAside: false,
  dismissNotices: false,
  getSettings: false,
  updateSettings: false,
  addDesktopKeybindings: false,
  answerIdle: false,
  snoozeReminder: false,
  startFocus: false,
  stopFocus: false,
  skipFocusPhase: false,
  showDay: false,
  refreshChanges: false,
  pinAssignment: false,
  unpinAssignment: false,
  getReport: false,
  openHarvest: false,
  hidePopover: false,
} as const satisfies Record<CommandName, boolean>;
export type ScriptCommand = {
  [K in CommandName]: (typeof scriptable)[K] extends true ? K : never;
}[CommandName];
/** The IPC commands a script may send. */
export const scriptCommands = (Object.keys(scriptable) as CommandName[]).filter(
  (command): command is ScriptCommand => scriptable[command],
);

/** What only the host can do: open the popover, and follow a sheaf:// link exactly as the OS hands it over. */
export const HostRequest = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('show') }),
  // No length here: readLink says a long link is too long, which "Scripts can't ask Sheaf to openLink" didn't.
  z.strictObject({ command: z.literal('openLink'), input: z.strictObject({ link: z.string() }) }),
]);
export type HostRequest = z.infer<typeof HostRequest>;

/** Every line: an IPC command (its input checked by dispatch against shared/ipc.ts) or a host request. */
export const ControlRequest = z.strictObject({
  command: z.string().max(64),
  input: z.unknown().optional(),
});
