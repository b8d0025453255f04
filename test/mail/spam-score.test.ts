/**
 * What a customer's spam filter makes of duedesk's mail: every kind of message, in every language,
 * written by the real outbox with realistic data, scored by Debian's SpamAssassin (local rules,
 * no network). A reminder that lands in the junk folder is a reminder never read.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../src/storage/open-ledger.js';
import type { Ledger } from '../../src/storage/ledger.js';
import { chooseSpamAssassin, describeRules, spamVerdicts } from '../helpers/spamassassin.js';
import { LANGUAGES, sendBusinessDay, supplierSettings } from './fixtures/business-mail.js';

/** Below this a message is nowhere near any filter's threshold (SpamAssassin's default is 5.0). */
const LIMIT = 1.0;

const choice = chooseSpamAssassin(process.env);
if ('skip' in choice) console.warn(choice.skip);

describe('finding spamassassin', () => {
  it('fails under CI when it is missing, and otherwise says the spam tests are skipped', () => {
    expect(() => chooseSpamAssassin({ PATH: '/nonexistent', CI: 'true' })).toThrow(/no spamassassin on PATH.*install Debian's spamassassin/);
    expect(chooseSpamAssassin({ PATH: '/nonexistent' })).toEqual({ skip: expect.stringMatching(/^spam score tests skipped: no spamassassin on PATH/) });
  });
});

describe.skipIf('skip' in choice)('spam score of every message duedesk sends', () => {
  let dir: string;
  let ledger: Ledger;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duedesk-spam-'));
    ledger = await openLedger(join(dir, 'duedesk.db'));
    await sendBusinessDay(ledger, supplierSettings(join(dir, 'outbox')), {}, dir, true);
  }, 60_000);
  afterAll(() => {
    ledger?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`scores below ${LIMIT} for each reminder level, statement, installment notice, dispute notice, the digest and the test mail in ${LANGUAGES.join(', ')}`, async () => {
    const names = readdirSync(join(dir, 'outbox')).sort();
    const kinds = ['upcoming', 'first', 'second', 'final', 'statement', 'activity', 'installment', 'dispute'];
    for (const language of LANGUAGES) {
      for (const kind of kinds) expect(names.filter((n) => n.includes(`C-${language.toUpperCase()}`) && n.includes(kind)), `${language} ${kind}`).toHaveLength(1);
    }
    expect(names.filter((n) => n.includes('test-mail'))).toHaveLength(1);
    expect(names.filter((n) => n.includes('proposal-'))).toHaveLength(1);
    expect(names).toHaveLength(LANGUAGES.length * kinds.length + 2);

    const verdicts = await spamVerdicts(
      (choice as { bin: string }).bin,
      names.map((name) => readFileSync(join(dir, 'outbox', name))),
    );
    const tooHigh = verdicts.flatMap((verdict, i) => (verdict.score < LIMIT ? [] : [`${names[i]}: ${verdict.score} (${describeRules(verdict.rules)})`]));
    expect(tooHigh).toEqual([]);
  }, 120_000);
});
