// Preloaded (node --import) into a benchmark's child process: on exit, writes the process's CPU time
// (user + system, every thread) and peak memory to the file named by BENCH_CPU_FILE, so whole-process
// figures carry CPU time beside wall time on any platform.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKiB: usage.maxRSS }));
  });
}
