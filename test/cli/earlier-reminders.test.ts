/**
 * End to end through the command line, on a file ledger and on PostgreSQL: a history of sends
 * built by real runs on earlier as-of dates, then a dry run whose letters above the first overdue
 * level cite the reminders on record (e-mail text, HTML and PDF), in every language, and claim none
 * when none is on record;
 * a customer on a `stepwise` profile climbs one level per reminder sent.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfPages } from '../documents/pdf-text.js';
import { readEml } from '../helpers/eml.js';
import { dropDatabase, freshDatabase, pgAvailable } from '../helpers/pg.js';
import { sandbox, type Sandbox } from './io.js';
import { configSet } from './seed-cli.js';

const D = '2026-11-22';
/** The runs that build the history before D (outbox transport: really sent, really recorded). */
const RUNS = ['2026-10-13', '2026-10-27', '2026-11-03'];

/** Per language: how a letter cites two earlier reminders (one: test/documents/letter-claims.test.ts), and what old text claimed. */
const LANGUAGES = [
  {
    prefix: 'EN', language: 'en',
    two: 'We sent you reminders on 27 October 2026 and 3 November 2026.',
    final: 'We sent you reminders on 13 October 2026 and 27 October 2026.',
    claim: /We sent you|Despite our earlier reminder|reminded you several times/,
  },
  {
    prefix: 'IT', language: 'it',
    two: 'Le abbiamo già inviato solleciti in data 27 ottobre 2026 e 3 novembre 2026.',
    final: 'Le abbiamo già inviato solleciti in data 13 ottobre 2026 e 27 ottobre 2026.',
    claim: /Le abbiamo già|precedente sollecito|più volte/,
  },
  {
    prefix: 'GR', language: 'el',
    two: 'Σας στείλαμε υπενθυμίσεις στις 27 Οκτωβρίου 2026 και 3 Νοεμβρίου 2026.',
    final: 'Σας στείλαμε υπενθυμίσεις στις 13 Οκτωβρίου 2026 και 27 Οκτωβρίου 2026.',
    claim: /Σας στείλαμε|προηγούμενη υπενθύμιση|επανειλημμένα/,
  },
  {
    prefix: 'BG', language: 'bg',
    two: 'На 27 октомври 2026 г. и 3 ноември 2026 г. Ви изпратихме напомняния за плащане.',
    final: 'На 13 октомври 2026 г. и 27 октомври 2026 г. Ви изпратихме напомняния за плащане.',
    claim: /Ви изпратихме|предишното ни напомняне|Неколкократно/,
  },
  {
    prefix: 'PT', language: 'pt',
    two: 'Esta mensagem dá seguimento aos nossos lembretes de 27 de outubro de 2026 e 3 de novembro de 2026.',
    final: 'Esta mensagem dá seguimento aos nossos lembretes de 13 de outubro de 2026 e 27 de outubro de 2026.',
    claim: /dá seguimento|lembrete anterior|vários lembretes/,
  },
] as const;

/** Text, HTML and PDF text of a preview, tags and line breaks taken out so sentences read whole. */
async function bodies(dir: string, key: string): Promise<{ text: string; html: string; pdf: string }> {
  const eml = readEml(readFileSync(join(dir, `${key}.eml`), 'latin1'));
  const html = eml.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const pdf = (await pdfPages(readFileSync(join(dir, `${key}.pdf`)))).join(' ').replace(/\s+/g, ' ');
  return { text: eml.text.replace(/\s+/g, ' '), html, pdf };
}

const csv = (rows: string[]) => `${rows.join('\n')}\n`;

interface Planned {
  messages: Array<{ customer: string; level: string | null; items: string[] }>;
}

/** Import a CSV file of `kind` into the sandbox. */
async function importRows(box: Sandbox, kind: string, name: string, rows: string[]): Promise<void> {
  writeFileSync(join(box.dir, name), csv(rows));
  const result = await box.run(['import', kind, name]);
  expect([result.code, result.stderr]).toEqual([0, '']);
}

/**
 * Per language: `S` gets a second reminder citing two first reminders (its pre-due notice is
 * not cited), `F` a final notice citing the first and second reminders, and
 * `N2`/`NF` (imported after the runs) a second and a final with none on record. `STEP` is on a
 * stepwise profile through the runs; `LATE` joins it 67 days overdue.
 */
async function history(box: Sandbox): Promise<Planned[]> {
  await configSet(box, 'smtp.from', 'AR <ar@company.test>');
  await configSet(box, 'policy.profiles', JSON.stringify({ careful: { escalation: 'stepwise' } }));
  await importRows(box, 'customers', 'customers.csv', [
    'code,name,email,language,profile',
    ...LANGUAGES.flatMap(({ prefix, language }) => ['S', 'F', 'N2', 'NF'].map((kind) => `${prefix}-${kind},Customer ${prefix}-${kind},${prefix.toLowerCase()}-${kind.toLowerCase()}@x.example,${language},`)),
    'STEP,Stepwise Ltd,step@x.example,en,careful',
    'LATE,Late Ltd,late@x.example,en,careful',
  ]);
  await importRows(box, 'items', 'items.csv', [
    'customer_code,number,issue_date,due_date,amount',
    ...LANGUAGES.flatMap(({ prefix }) => [
      `${prefix}-S,${prefix}-S1,2026-09-20,2026-10-20,100.00`,
      `${prefix}-S,${prefix}-S2,2026-09-27,2026-10-27,50.00`,
      `${prefix}-F,${prefix}-F1,2026-09-06,2026-10-06,200.00`,
    ]),
    'STEP,STEP-1,2026-08-20,2026-09-20,300.00',
  ]);
  const runs: Planned[] = [];
  for (const asOf of RUNS) {
    // Each run as the cron job on that day would make it (a real send stays near its today).
    box.today = asOf;
    const sent = await box.run(['--send-due', '--json', '--as-of', asOf]);
    expect([sent.code, sent.stderr]).toEqual([0, '']);
    runs.push(JSON.parse(sent.stdout) as Planned);
  }
  await importRows(box, 'items', 'late-items.csv', [
    'customer_code,number,issue_date,due_date,amount',
    ...LANGUAGES.flatMap(({ prefix }) => [`${prefix}-N2,${prefix}-N21,2026-09-30,2026-10-30,80.00`, `${prefix}-NF,${prefix}-NF1,2026-09-01,2026-10-01,90.00`]),
    'LATE,LATE-1,2026-08-16,2026-09-16,400.00',
  ]);
  return runs;
}

const previews = mkdtempSync(join(tmpdir(), 'duedesk-earlier-'));
afterAll(() => rmSync(previews, { recursive: true, force: true }));

const ENGINES = [
  { name: 'file ledger', url: async () => null as string | null },
  ...(pgAvailable ? [{ name: 'PostgreSQL ledger', url: async () => (await freshDatabase()) as string | null }] : []),
];

describe.each(ENGINES)('letters on a $name', ({ name, url }) => {
  it('cite the reminders on record, claim none without, and climb stepwise', async () => {
    const box = sandbox();
    const database = await url();
    if (database !== null) box.env.DUEDESK_DB = database;
    try {
      const runs = await history(box);
      const levelOf = (plan: Planned, customer: string) => plan.messages.find((message) => message.customer === customer)?.level ?? null;
      // Stepwise: first at 23 days overdue, second 14 days later, then nothing while the gap to final (24) runs.
      expect(runs.map((run) => levelOf(run, 'STEP'))).toEqual(['first', 'second', null]);
      // The days rule: the pre-due notice, then first; an item due that day (S2 on 27 Oct) gets nothing yet.
      expect(runs.map((run) => levelOf(run, 'EN-S'))).toEqual(['upcoming', 'first', 'first']);
      expect(runs[1]!.messages.find((message) => message.customer === 'EN-S')?.items).toEqual(['EN-S1']);

      const dry = await box.run(['--send-due', '--dry-run', '--json', '--as-of', D]);
      expect([dry.code, dry.stderr]).toEqual([0, '']);
      const plan = JSON.parse(dry.stdout) as Planned;
      expect(levelOf(plan, 'STEP')).toBe('final');
      // Imported 67 days overdue on a stepwise profile: the first overdue level, not a final notice.
      expect(levelOf(plan, 'LATE')).toBe('first');
      for (const { prefix } of LANGUAGES) {
        expect(['S', 'F', 'N2', 'NF'].map((kind) => levelOf(plan, `${prefix}-${kind}`))).toEqual(['second', 'final', 'second', 'final']);
      }

      const out = join(previews, name.replace(/\W/g, '-'));
      const written = await box.run(['--send-due', '--dry-run', '--as-of', D, '--out', out]);
      expect([written.code, written.stderr]).toEqual([0, '']);
      for (const { prefix, two, final, claim } of LANGUAGES) {
        for (const [key, sentence] of [[`${prefix}-S-EUR-second`, two], [`${prefix}-F-EUR-final`, final]] as const) {
          const { text, html, pdf } = await bodies(out, key);
          expect(text, key).toContain(sentence);
          expect(html, key).toContain(sentence);
          expect(pdf, key).toContain(sentence);
        }
        for (const key of [`${prefix}-N2-EUR-second`, `${prefix}-NF-EUR-final`]) {
          const { text, html, pdf } = await bodies(out, key);
          expect(text, key).not.toMatch(claim);
          expect(html, key).not.toMatch(claim);
          expect(pdf, key).not.toMatch(claim);
        }
      }
      const subject = (key: string) => /^Subject: (.*)$/m.exec(readFileSync(join(out, `${key}.eml`), 'utf8'))?.[1];
      expect(subject('EN-S-EUR-second')).toMatch(/^Second reminder: overdue payment/);
      // A second-level letter with no reminder on record does not call itself the second one.
      expect(subject('EN-N2-EUR-second')).toMatch(/^Payment reminder: overdue payment/);
    } finally {
      if (database !== null) await dropDatabase(database);
    }
    // Three real runs and two plans of twenty customers, each message with its PDF.
  }, 120_000);
});
