// Owns the demo Harvest both hosts start for "Try the demo": the sandbox with the demo person's two accounts (an
// agency and a freelance client), so anyone can try switching accounts without a Harvest login.
import type { Clock } from '../../shared/clock';
import { DEMO_ACCOUNTS, startSandbox } from './server';

export async function startDemo(options: { clock: Clock }) {
  const sandbox = await startSandbox({ clock: options.clock, accounts: DEMO_ACCOUNTS });
  return {
    url: sandbox.url,
    token: sandbox.token,
    accountId: sandbox.accountId,
    accountIds: sandbox.accounts.filter((a) => a.product === 'harvest').map((a) => a.id),
    close: () => sandbox.close(),
  };
}
