// Owns comparing a secret someone sent back with ours (a sign-in's `state`, the preview's per-run key) in
// constant time: both are hashed first, so the comparison leaks nothing about the secret, not even its length.
import { createHash, timingSafeEqual } from 'node:crypto';

export function sameSecret(received: string | null, expected: string): boolean {
  if (received === null) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(received), digest(expected));
}
