// Owns the scripted person's time away: with a timer running they leave the computer for a while, come back,
// and answer Sheaf's question (keep the time, or discard it). The ledger learns the answer only once Sheaf
// acknowledged it; the moment Sheaf says they left must be the moment they did.
import { msPerMinute as minute } from '../../shared/elapsed';
import type { Ledger } from './ledger';
import type { Dice } from './person';
import type { World } from './scenario';

export type AwayOutcome = 'kept' | 'discarded' | 'not asked' | 'refused' | 'wrong since';

export async function walkAway(world: World, { chance, pickInt }: Dice, ledger: Ledger, details: string[]) {
  const { core } = world;
  const leftAt = world.now().getTime();
  await core.send({ op: 'leave' });
  // Past the default threshold of 10 minutes, so Sheaf must ask.
  await world.pass(pickInt(11, 45) * minute);
  const back = await core.send({ op: 'back' });
  const question = back.state.idleQuestion;
  const entry = question?.token ? ledger.get(question.token) : undefined;
  const open = entry?.segments.at(-1);
  if (!question || !entry || !open || open.to !== null) return 'not asked' satisfies AwayOutcome;
  if (Math.abs(Date.parse(question.since) - leftAt) > minute) {
    details.push(
      `${entry.token}: Sheaf says the person left at ${question.since}, they left at ${new Date(leftAt).toISOString()}`,
    );
    return 'wrong since' satisfies AwayOutcome;
  }
  const answer = chance(0.5) ? 'keep' : 'discard';
  const reply = await core.send({ op: 'answerIdle', answer });
  if (!reply.ok) return 'refused' satisfies AwayOutcome;
  // Discarded: the entry ended when they left.
  if (answer === 'discard') open.to = leftAt;
  return (answer === 'keep' ? 'kept' : 'discarded') satisfies AwayOutcome;
}
