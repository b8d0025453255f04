/** Entry point of the duedesk command line; everything else is in ./cli/main.ts. */
import { main } from './cli/main.js';

// `duedesk export items | head` closes the pipe early. That is not an error, and a command must never
// be cut short by it (a send in progress has to finish and record its outcome), so the rest of the
// output is dropped quietly instead.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
});
