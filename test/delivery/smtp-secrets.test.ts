/**
 * The SMTP password never reaches the operator's terminal, even from a server that echoes the
 * AUTH line in its refusal; and masking it never garbles other text.
 */
import { afterEach, expect, it } from 'vitest';
import { deliverPlan } from '../../src/delivery/deliver.js';
import { makeLedger } from '../helpers/store.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { sandbox } from '../cli/io.js';
import { aContext, aPlan, historyRows, testRenderer } from './fixtures/messages.js';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const user = 'ar@acme.test';

let server: TestSmtpServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

it.each([
  ['PLAIN', 'Tr0ub4dor&3'],
  ['LOGIN', 'Tr0ub4dor&3'],
  ['PLAIN', 'p'],
  ['LOGIN', 'p'],
] as const)('config test-mail against a server echoing AUTH %s keeps the password %s off stderr', async (method, password) => {
  server = await startSmtpServer({ auth: true, authMethods: [method], behaviour: { echoAuth: true } });
  const box = sandbox();
  expect((await box.run(['config', 'set', 'smtp.from', 'billing@company.test'])).code).toBe(0);
  const result = await box.run(['config', 'test-mail', 'me@company.test'], { DUEDESK_SMTP_URL: server.url(user, password) });

  expect(result.code).toBe(3);
  // The server did echo what the client sent; the secret parts of it are masked.
  expect(result.stderr).toContain(`Authentication credentials invalid: AUTH ${method}`);
  expect(result.stderr).toContain('***');
  const output = result.stdout + result.stderr;
  for (const secret of [b64(`\u0000${user}\u0000${password}`), b64(password)]) expect(output).not.toContain(secret);
  if (password.length > 1) expect(output).not.toContain(password);
  // A one-letter password is masked where it stands, never inside words.
  expect(result.stderr).toMatch(/^Test e-mail to me@company\.test via smtp 127\.0\.0\.1:\d+ failed: authentication failed: Invalid login: 535 5\.7\.8 Authentication credentials invalid: AUTH /);
});

it('a one-letter password does not garble "no reply" (nor anything else) in the report and the history', async () => {
  server = await startSmtpServer({ auth: true, behaviour: { auth: (_u, pass) => pass === 'p', data: () => 'drop' } });
  const store = await makeLedger();
  try {
    const ctx = aContext(store, {}, { DUEDESK_SMTP_URL: server.url(user, 'p') });
    const outcome = await deliverPlan(aPlan(1), ctx, undefined, { renderer: testRenderer(), retry: { delaysMs: [], sleep: async () => undefined } });
    const error = outcome.messages[0]?.error ?? '';
    expect(outcome.messages[0]?.status).toBe('uncertain');
    expect(error).toMatch(/^no reply after the message was sent \(the server may have it\): /);
    expect(error).not.toContain('***');
    expect((await historyRows(store))[0]?.error).toBe(error);
  } finally {
    store.close();
  }
});
