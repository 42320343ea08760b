// Owns nothing itself: the names of pairs live in shared/labels.ts (the `sheaf` command uses them too); the
// renderer's imports keep this path.
export * from '../../../shared/labels';
