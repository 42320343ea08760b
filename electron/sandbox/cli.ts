// Owns `npm run sandbox`: starts the demo Harvest server, prints how to reach it, and runs until Ctrl-C.
import { parseArgs } from 'node:util';
import { startSandbox } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    timestamp: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535 (got "${values.port}")`);
  process.exit(2);
}

const sandbox = await startSandbox({
  port,
  host: values.host,
  wantsTimestampTimers: values.timestamp,
  log: values.quiet ? undefined : (line) => console.log(line),
});

console.log(`Sandbox Harvest API (${values.timestamp ? 'start/end time' : 'duration'} timers) is running.

  HARVEST_API_URL=${sandbox.url}
  HARVEST_ACCESS_TOKEN=${sandbox.token}
  HARVEST_ACCOUNT_ID=${sandbox.accountId}

Try it:
  curl -H "Authorization: Bearer ${sandbox.token}" -H "Harvest-Account-Id: ${sandbox.accountId}" -H "User-Agent: MyApp (you@example.com)" ${sandbox.url}/users/me

Press Ctrl-C to stop.`);

const shutDown = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.once('SIGINT', shutDown);
process.once('SIGTERM', shutDown);
