// Owns running `sheaf` as a process: the real environment and streams in, the exit code out.
import { runSheaf } from './cli';

const code = await runSheaf(process.argv.slice(2), {
  env: process.env,
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
