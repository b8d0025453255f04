import { describe, expect, it } from 'vitest';
import { pausingReply, withoutUndeliverable, type AnswersSnapshot } from '../../src/core/rules/answers.js';
import { chooseRecipients } from '../../src/core/recipients.js';
import { aCustomer } from '../helpers/store.js';

const replied = (on: string): AnswersSnapshot => ({ undeliverable: [], openReplyOn: on });

describe('a reply pauses reminders for policy.replyPauseDays', () => {
  it.each([
    ['2026-11-23', '2026-11-22', 7, null],
    ['2026-11-23', '2026-11-23', 7, '2026-11-23'],
    ['2026-11-23', '2026-11-29', 7, '2026-11-23'],
    ['2026-11-23', '2026-11-30', 7, null],
    ['2026-11-23', '2026-11-23', 0, null],
  ])('a reply of %s, as of %s, pause %i days → %s', (on, asOf, days, expected) => {
    expect(pausingReply(replied(on), asOf, days)).toBe(expected);
  });

  it('no reply, no pause', () => {
    expect(pausingReply(undefined, '2026-11-23', 7)).toBeNull();
  });
});

describe('undeliverable addresses are left out of the recipients', () => {
  const customer = aCustomer({ email: 'Dead@c.test', email2: 'ok@c.test', email3: null });
  const answers: AnswersSnapshot = { undeliverable: [{ address: 'dead@c.test', since: '2026-11-23', reason: '550' }], openReplyOn: null };

  it('primary falls back to the next valid address', () => {
    expect(chooseRecipients(withoutUndeliverable(customer, answers), 'primary').to).toEqual(['ok@c.test']);
  });

  it('a customer without marks is unchanged', () => {
    expect(withoutUndeliverable(customer, undefined)).toBe(customer);
  });
});
