/**
 * Realistic generated desk data that real-desk.ts seeds for the UI tests and the benchmark:
 * customers in five languages and scripts (Greek, Bulgarian Cyrillic, Italian, Portuguese,
 * English), open items across the aging buckets, credit notes, holds, opted-out customers and
 * customers without e-mail.
 */
import { addDays } from '../../src/core/dates.js';
import type { Customer, IsoDate, Item, Language } from '../../src/core/domain.js';

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

/** Generated customers and their open items. */
export interface GeneratedData {
  customers: Customer[];
  items: Map<string, Item[]>;
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

/** `count` customers (C00001…) with their items; the same `seed` gives the same data. */
export function generatedData(count: number, seed = 7): GeneratedData {
  const rnd = random(seed);
  const customers: Customer[] = [];
  const items = new Map<string, Item[]>();
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
  }
  return { customers, items };
}
