// Loaded with --import in a child process: any attempt to load Ink or React fails loudly, so a test
// can prove that a headless command never loads the terminal UI.
import { register } from 'node:module';

const hooks = `
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'ink' || specifier === 'react' || specifier.startsWith('ink-')) {
    throw new Error('headless path loaded ' + specifier + ' (from ' + context.parentURL + ')');
  }
  return nextResolve(specifier, context);
}
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
