#!/usr/bin/env node
// Launcher. An installed package runs the compiled CLI in dist/ (built by `npm pack` on prepack) and
// needs no tsx; a checkout without dist/ runs the TypeScript sources through tsx, a development
// dependency. A checkout with dist/ runs dist/: `npm start` runs the sources whatever is built.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'cli.js');
const sources = join(root, 'src', 'cli.tsx');
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(sources).href);
} else {
  process.stderr.write(`duedesk: internal error: ${built} is missing; reinstall duedesk\n`);
  process.exitCode = 1;
}
