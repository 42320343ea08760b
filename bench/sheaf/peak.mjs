// Owns reading a measured command's peak memory from inside it (`node --import` this file): at exit it writes the
// process's largest resident set, in kB, to the file SHEAF_BENCH_PEAK names. The same for every command measured.
import { appendFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.SHEAF_BENCH_PEAK) {
    appendFileSync(process.env.SHEAF_BENCH_PEAK, `${process.resourceUsage().maxRSS}\n`);
  }
});
