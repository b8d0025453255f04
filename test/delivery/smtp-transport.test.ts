/** The SMTP transport on its own: rate limit, connection reuse, TLS policy. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSmtpTransport, isLoopback } from '../../src/mail/transports/smtp.js';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

let server: TestSmtpServer;
beforeEach(async () => {
  server = await startSmtpServer({ auth: true });
});
afterEach(async () => {
  await server.close();
});

const raw = Buffer.from('Subject: t\r\n\r\nhello\r\n');
const envelope = { from: 'a@company.test', to: ['b@customer.test'] };

it('spaces sends to smtp.rateLimit messages per second', async () => {
  const transport = createSmtpTransport({ host: '127.0.0.1', port: server.port, secure: false, user: 'user', password: 'secret', maxConnections: 3, rateLimit: 40 });
  await transport.verify();
  const started = performance.now();
  await Promise.all(Array.from({ length: 9 }, () => transport.send(raw, envelope, '<x@y.test>')));
  // 9 messages at 40/s: the last may start no earlier than 8 × 25 ms after the first.
  expect(performance.now() - started).toBeGreaterThanOrEqual(195);
  expect(server.accepted()).toHaveLength(9);
  await transport.close();
});

it('reports every recipient as accepted on a clean send', async () => {
  const transport = createSmtpTransport({ host: '127.0.0.1', port: server.port, secure: false, user: 'user', password: 'secret', maxConnections: 1, rateLimit: null });
  const result = await transport.send(raw, { from: envelope.from, to: ['b@customer.test', 'c@customer.test'] }, '<x@y.test>');
  expect(result.recipients).toEqual([
    { address: 'b@customer.test', accepted: true, reply: null },
    { address: 'c@customer.test', accepted: true, reply: null },
  ]);
  expect(result.response).toMatch(/^250/);
  await transport.close();
});

it.each([
  ['127.0.0.1', true],
  ['localhost', true],
  ['::1', true],
  ['mail.example.com', false],
  ['10.0.0.5', false],
])('isLoopback(%s) is %s (STARTTLS is required with credentials off the local host)', (host, expected) => {
  expect(isLoopback(host)).toBe(expected);
});
