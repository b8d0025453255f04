/** Which SMTP replies mean "this server takes no more now" (the run stops) and which concern one message. */
import { expect, it } from 'vitest';
import { isDeferral } from '../../src/mail/transports/smtp-errors.js';

it.each([
  [421, '421 4.3.2 Service shutting down', true],
  [421, '421 closing connection', true],
  [451, '451 4.7.1 Rate limit exceeded', true],
  [450, '450 4.7.0 Too many messages, try later', true],
  [452, '452 4.3.1 Insufficient system storage', true],
  [452, '452 Insufficient system storage', true],
  [550, '550 5.4.5 Daily user sending quota exceeded', true],
  [552, '552 5.4.5 Daily sending quota exceeded', true],
  [552, '552 Sending quota exceeded for today', true],
  [452, '452 4.2.2 Mailbox full', false],
  [452, '452 4.5.3 Too many recipients', false],
  [451, '451 4.3.0 Local error in processing', false],
  [552, '552 5.3.4 Message size exceeds fixed limit', false],
  [552, '552 Error: message exceeds fixed maximum message size', false],
  [554, '554 5.7.1 Rejected as spam', false],
  [550, '550 5.1.1 No such user', false],
])('%i %s → deferral %s', (code, reply, expected) => {
  expect(isDeferral(code, reply)).toBe(expected);
});
