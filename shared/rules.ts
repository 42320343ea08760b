// Owns the rules of the timesheet that both sides and the IPC contract follow but none of them owns: how long a
// deleted entry can still be taken back. (Times of day and their order live in wall-clock.ts.)

/** How long an undoable delete waits before it is sent (and the popover offers Undo). */
export const undoDeleteMs = 5000;
