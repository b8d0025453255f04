/**
 * Realistic generated desk data for the UI tests and the benchmark: customers in five languages
 * and scripts (Greek, Bulgarian Cyrillic, Italian, Portuguese, English), open items across the
 * aging buckets, credit notes, holds, opted-out customers and customers without e-mail.
 */
import { addDays, daysBetween } from '../../src/core/dates.js';
import type { Customer, IsoDate, Item, Language } from '../../src/core/domain.js';
import type { Plan, PlannedLine, PlannedMessage, Skip } from '../../src/core/plan.js';

/** The date every test and the benchmark plan for. */
export const AS_OF: IsoDate = '2026-11-22';

const NAMES: Record<Language, string[]> = {
  el: ['Αθήνα Εμπορική ΑΕ', 'Θεσσαλονίκη Τρόφιμα ΟΕ', 'Πάτρα Ναυτιλιακή', 'Ηράκλειο Ξενοδοχεία', 'Λάρισα Αγροτικά'],
  bg: ['София Логистик ЕООД', 'Пловдив Текстил АД', 'Варна Марин ООД', 'Бургас Строй', 'Русе Метал'],
  it: ['Rossi Forniture S.r.l.', 'Bianchi & Figli', 'Caffè Città di Torino', 'Ferrari Impianti', 'Esposito Trasporti'],
  pt: ['Comércio São João Lda', 'Construções Águeda', 'Pastelaria Belém', 'Têxteis do Minho', 'Vinhos Douro SA'],
  en: ['Harbour Supplies Ltd', 'Northwind Traders', 'Kingsway Catering', 'Blue River Farms', 'Oak & Pine Joinery'],
};
const LANGS: Language[] = ['el', 'bg', 'it', 'pt', 'en'];
const CURRENCY: Record<Language, string> = { el: 'EUR', bg: 'BGN', it: 'EUR', pt: 'EUR', en: 'GBP' };

/** Generated customers, their open items and a plan for AS_OF. */
export interface FakeData {
  customers: Customer[];
  items: Map<string, Item[]>;
  plan: Plan;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LADDER = [
  { id: 'upcoming', days: -7 },
  { id: 'first', days: 7 },
  { id: 'second', days: 21 },
  { id: 'final', days: 45 },
];

function levelOf(daysOverdue: number): string | null {
  let reached: string | null = null;
  for (const level of LADDER) if (daysOverdue >= level.days) reached = level.id;
  return reached;
}

/** `count` customers (C00001…) with items, and the plan the rules would make for them (simplified). */
export function makeFakeData(count: number, seed = 7): FakeData {
  const rnd = random(seed);
  const customers: Customer[] = [];
  const items = new Map<string, Item[]>();
  const messages: PlannedMessage[] = [];
  const skipped: Skip[] = [];
  for (let n = 1; n <= count; n += 1) {
    const language = LANGS[n % LANGS.length]!;
    const names = NAMES[language];
    const code = `C${String(n).padStart(5, '0')}`;
    const currency = CURRENCY[language];
    const noEmail = n % 11 === 0;
    const customer: Customer = {
      code,
      name: `${names[Math.floor(n / LANGS.length) % names.length]!}${n > 25 ? ` ${n}` : ''}`,
      email: noEmail ? null : `billing${n}@example.com`,
      email2: n % 3 === 0 ? `accounts${n}@example.org` : null,
      email3: null,
      language,
      currency,
      reminders: n % 13 !== 0,
      statementEveryDays: n % 17 === 0 ? 14 : null,
      agentEmail: null,
      holdUntil: n % 19 === 0 ? addDays(AS_OF, 10) : null,
      notes: '',
    };
    customers.push(customer);
    const own: Item[] = [];
    const itemCount = 1 + Math.floor(rnd() * 4);
    for (let i = 1; i <= itemCount; i += 1) {
      const credit = i === 4;
      const due = addDays(AS_OF, 30 - Math.floor(rnd() * 140));
      const amount = (credit ? -1 : 1) * (1000 + Math.floor(rnd() * 500_000));
      own.push({
        customerCode: code,
        number: `INV-${n}-${i}`,
        kind: credit ? 'credit_note' : 'invoice',
        issueDate: addDays(due, -30),
        dueDate: due,
        amount,
        openAmount: amount,
        currency,
        reference: null,
        case: null,
        holdUntil: null,
      });
    }
    items.set(code, own);
    const lines: PlannedLine[] = own.map((item) => {
      const daysOverdue = daysBetween(item.dueDate, AS_OF);
      const reached = item.openAmount > 0 ? levelOf(daysOverdue) : null;
      return { item, daysOverdue, reached, pending: reached !== null, interest: 0 };
    });
    const pending = lines.filter((l) => l.pending);
    if (pending.length === 0) continue;
    if (!customer.reminders) skipped.push({ customer: code, reason: 'opted-out' });
    else if (customer.holdUntil !== null) skipped.push({ customer: code, reason: 'on-hold' });
    else if (noEmail) skipped.push({ customer: code, reason: 'no-email' });
    else {
      const level = LADDER.map((l) => l.id).filter((id) => pending.some((l) => l.reached === id)).pop() ?? 'first';
      messages.push({
        key: `${code}-${currency}-${level}`,
        customer,
        kind: 'reminder',
        level,
        template: level,
        currency,
        to: [customer.email ?? ''],
        cc: [],
        bcc: [],
        lines,
        cases: [],
        reminds: pending.map((l) => l.item.number),
        payments: [],
        unapplied: 0,
        total: lines.reduce((sum, l) => sum + l.item.openAmount, 0),
        notYetDue: 0,
        fee: 0,
        interest: 0,
        letter: false,
        attachInvoices: false,
      });
    }
  }
  return { customers, items, plan: { asOf: AS_OF, messages, skipped, problems: [] } };
}
