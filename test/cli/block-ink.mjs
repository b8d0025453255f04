// Loaded with --import in a child process: any attempt to load Ink or React (and any package named
// in BLOCKED_PACKAGES, comma-separated) fails loudly, so a test can prove that a headless command
// never loads the terminal UI, and a dry run never loads the PDF or mail code.
import { register } from 'node:module';

const extra = (process.env.BLOCKED_PACKAGES ?? '').split(',').filter(Boolean);
const hooks = `
const extra = ${JSON.stringify(extra)};
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'ink' || specifier === 'react' || specifier.startsWith('ink-') || extra.includes(specifier)) {
    throw new Error('headless path loaded ' + specifier + ' (from ' + context.parentURL + ')');
  }
  return nextResolve(specifier, context);
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
