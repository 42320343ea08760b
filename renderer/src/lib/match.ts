// Owns nothing itself: the picker's matcher lives in shared/match.ts (the `sheaf` command uses it too); the
// renderer's imports keep this path.
export * from '../../../shared/match';
