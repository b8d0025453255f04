/**
 * Name parts per language for generated benchmark customers: enough variety that rows differ in
 * length and script (Greek, Cyrillic, accented Latin) like a real ledger, without any real company.
 */
import type { Language } from '../../src/core/domain.js';

/** Parts a generated company name is built from, per language. */
export interface NameParts {
  first: readonly string[];
  second: readonly string[];
  forms: readonly string[];
  cities: readonly string[];
  /** Top-level domain for example addresses (always an example.* domain). */
  domain: string;
  /** Currencies customers of this language are billed in, most common first (repeats weight). */
  currencies: readonly string[];
}

/** Name parts for each language. */
export const NAME_PARTS: Record<Language, NameParts> = {
  en: {
    first: ['Northwind', 'Bramble', 'Harbour', 'Kestrel', 'Oakfield', 'Silverline', 'Thistle', 'Wexford'],
    second: ['Logistics', 'Supplies', 'Engineering', 'Foods', 'Textiles', 'Consulting', 'Printing', 'Marine'],
    forms: ['Ltd', 'LLP', 'plc', 'Inc.'],
    cities: ['Leeds', 'Bristol', 'Glasgow', 'Cardiff', 'Boston', 'Denver'],
    domain: 'example.com',
    currencies: ['GBP', 'GBP', 'USD', 'EUR'],
  },
  it: {
    first: ['Ferramenta', 'Officine', 'Tessitura', 'Cantina', 'Pasticceria', 'Falegnameria', 'Ottica', 'Tipografia'],
    second: ['Bianchi', 'Esposito', 'Ricci', 'Galli', 'Colombo', 'Mancini', 'Fabbri', 'Lombardi'],
    forms: ['S.r.l.', 'S.p.A.', 'S.n.c.', '& Figli'],
    cities: ['Forlì', 'Cantù', 'Agrigento', 'Bolzano', 'Pescara', 'Mestre'],
    domain: 'example.it',
    currencies: ['EUR'],
  },
  el: {
    first: ['Ηλιάδης', 'Παπαδόπουλος', 'Γεωργίου', 'Κωνσταντίνου', 'Νικολάου', 'Αθανασίου', 'Δημητρίου', 'Οικονόμου'],
    second: ['Εμπορική', 'Τεχνική', 'Ξυλουργική', 'Τροφίμων', 'Κατασκευαστική', 'Ναυτιλιακή', 'Εκδοτική', 'Ελαιουργική'],
    forms: ['Α.Ε.', 'Ο.Ε.', 'Ε.Π.Ε.', 'Ι.Κ.Ε.'],
    cities: ['Θεσσαλονίκη', 'Πάτρα', 'Ηράκλειο', 'Λάρισα', 'Βόλος', 'Ιωάννινα'],
    domain: 'example.gr',
    currencies: ['EUR'],
  },
  bg: {
    first: ['Балкан', 'Родопа', 'Тракия', 'Витоша', 'Марица', 'Странджа', 'Пирин', 'Дунав'],
    second: ['Транс', 'Строй', 'Агро', 'Текстил', 'Мебел', 'Логистик', 'Инвест', 'Електро'],
    forms: ['ЕООД', 'ООД', 'АД', 'ЕТ'],
    cities: ['Пловдив', 'Варна', 'Бургас', 'Русе', 'Стара Загора', 'Плевен'],
    domain: 'example.bg',
    currencies: ['EUR', 'BGN'],
  },
  pt: {
    first: ['Padaria', 'Construções', 'Têxteis', 'Distribuidora', 'Farmácia', 'Oficina', 'Cerâmica', 'Gráfica'],
    second: ['Conceição', 'Gonçalves', 'Araújo', 'Simões', 'Magalhães', 'Leitão', 'Brandão', 'Assunção'],
    forms: ['Lda.', 'S.A.', 'Ltda.', 'ME'],
    cities: ['São Paulo', 'Curitiba', 'Belém', 'Porto', 'Coimbra', 'Braga'],
    domain: 'example.com.br',
    currencies: ['BRL', 'EUR'],
  },
};
