// Owns `npm run sandbox`: starts the demo Harvest server (both demo accounts, and Harvest ID), prints how to
// reach it, and runs until Ctrl-C.
import { parseArgs } from 'node:util';
import { WEEK_START_DAYS, type WeekStartDay } from '../../shared/calendar';
import { computerZone, harvestZoneNameFor } from '../../shared/harvest/time-zones';
import type { PaginationMode } from './pagination';
import { DEMO_ACCOUNTS, isLoopbackHost, startSandbox } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'allow-remote': { type: 'boolean', default: false },
    timestamp: { type: 'boolean', default: false },
    clock: { type: 'string', default: '12h' },
    'week-start': { type: 'string', default: 'Monday' },
    timezone: { type: 'string' },
    pagination: { type: 'string', default: 'documented' },
    quiet: { type: 'boolean', default: false },
  },
});

/** One sentence and exit code 2 for a bad flag, rather than a stack trace. */
function usage(message: string): never {
  console.error(message);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  usage(`--port must be a number from 0 to 65535 (got "${values.port}")`);
const clock = values.clock;
if (clock !== '12h' && clock !== '24h') usage(`--clock must be 12h or 24h (got "${clock}")`);
const weekStart = values['week-start'] as WeekStartDay;
if (!WEEK_START_DAYS.includes(weekStart))
  usage(`--week-start must be a weekday, e.g. Monday or Sunday (got "${weekStart}")`);
const pagination = values.pagination as PaginationMode;
if (!['documented', 'cursor', 'offset'].includes(pagination))
  usage(`--pagination must be documented, cursor or offset (got "${pagination}")`);

const remote = !isLoopbackHost(values.host);
if (remote && !values['allow-remote'])
  usage(
    `--host ${values.host} would let other computers reach the sandbox, whose token is public. ` +
      'Add --allow-remote if that is what you want.',
  );
if (remote)
  console.error(
    `Warning: the sandbox listens on ${values.host}, beyond this computer. Anyone who can reach it can read and ` +
      'change its demo data with the printed token; use it only on a network you trust.',
  );

const sandbox = await startSandbox({
  port,
  host: values.host,
  allowRemote: values['allow-remote'],
  accounts: DEMO_ACCOUNTS,
  wantsTimestampTimers: values.timestamp,
  timeClock: clock,
  weekStartDay: weekStart,
  timezone: values.timezone,
  pagination,
  log: values.quiet ? undefined : (line) => console.log(line),
}).catch((error: unknown) => usage(error instanceof Error ? error.message : String(error)));

const zone = values.timezone ?? harvestZoneNameFor(computerZone());
console.log(`Sandbox Harvest API (${values.timestamp ? 'start/end time' : 'duration'} timers, ${clock} clock, \
weeks from ${weekStart}, profile zone "${zone}", ${pagination} paging) is running.

  HARVEST_API_URL=${sandbox.url}
  HARVEST_ACCESS_TOKEN=${sandbox.token}
  HARVEST_ACCOUNT_ID=${sandbox.accountId}
  HARVEST_ID_URL=${sandbox.idUrl}   (OAuth client id ${sandbox.harvestId.clientId}, secret ${sandbox.harvestId.clientSecret})

Accounts: ${sandbox.accounts.map((a) => `${a.id} ${a.name} (${a.product})`).join(', ')}

Try it:
  curl -H "Authorization: Bearer ${sandbox.token}" -H "Harvest-Account-Id: ${sandbox.accountId}" -H "User-Agent: MyApp (you@example.com)" ${sandbox.url}/users/me

Press Ctrl-C to stop.`);

const shutDown = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);
