/**
 * The demo customers: fictional companies and people in the five shipped languages, with
 * addresses in their own scripts, written as one line the way a clerk would note them (split
 * into the customers file's address columns by scripts/make-demo-data.ts, docs/reference/csv.md §2.1). Every e-mail
 * address is on an example.* domain. Read by scripts/make-demo-data.ts.
 */
import type { Language } from '../src/core/domain.js';

/** One demo customer; the flags drive the special cases the demo must show. */
export interface DemoCustomer {
  code: string;
  name: string;
  emails: string[];
  language: Language;
  currency: string;
  address: string;
  agent?: string;
  statementEveryDays?: number;
  optedOut?: boolean;
  /** A dunning profile of the demo settings (docs/reference/rules.md §9.1). */
  profile?: string;
  /** Statements off while reminders stay on. */
  noStatements?: boolean;
  /** The customer disputes its last invoice, for this reason. */
  disputes?: string;
  /** Days after the demo date the customer is on hold until. */
  holdDays?: number;
  /** Installment debtor: items belong to these cases. */
  cases?: string[];
}

const c = (code: string, name: string, language: Language, currency: string, address: string, emails: string[], extra: Partial<DemoCustomer> = {}): DemoCustomer =>
  ({ code, name, language, currency, address, emails, ...extra });

/** All demo customers, grouped by language. */
export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  c('EN01', 'Northwind Harbour Supplies Ltd', 'en', 'GBP', '14 Quayside, Newcastle upon Tyne NE1 3DE', ['accounts@northwind.example.com', 'j.carter@northwind.example.com', 'ap@northwind.example.com'], { agent: 'sales.north@duedesk-demo.example.com', disputes: 'Pallets arrived damaged; credit requested' }),
  c('EN02', 'Bramble & Thistle Bakery Ltd', 'en', 'GBP', '3 Market Street, Hebden Bridge HX7 6AA', ['hello@bramblethistle.example.com']),
  c('EN03', 'Kestrel Marine Engineering plc', 'en', 'GBP', 'Unit 9, Dockyard Road, Portsmouth PO1 3LJ', ['finance@kestrelmarine.example.com', 'payables@kestrelmarine.example.com']),
  c('EN04', "O'Hara Print Works", 'en', 'EUR', '22 Lower Baggot Street, Dublin D02 X285, Ireland', ['orla@oharaprint.example.com'], { profile: 'careful' }),
  c('EN05', 'Silverline Logistics Inc.', 'en', 'USD', '1800 Harbor Blvd, Suite 400, Long Beach, CA 90802, USA', ['ar@silverline.example.com'], { agent: 'sales.usa@duedesk-demo.example.com' }),
  c('EN06', 'Oakfield Veterinary Practice', 'en', 'GBP', 'Oakfield Lane, Cirencester GL7 1QT', []),
  c('EN07', 'Wexford Textiles LLP', 'en', 'GBP', '5 Mill Yard, Macclesfield SK11 6NN', ['accounts@wexfordtextiles.example.com'], { statementEveryDays: 14, noStatements: true }),
  c('EN08', 'Harbourside Dental Group Ltd', 'en', 'GBP', '41 Marine Parade, Brighton BN2 1TL', ['billing@harbourside.example.com', 'practice.manager@harbourside.example.com'], { profile: 'gentle' }),
  c('EN09', 'Margaret Ellison', 'en', 'GBP', '7 Rose Cottages, Keswick CA12 5DQ', ['m.ellison@example.com']),
  c('EN10', 'Bluegate Software Inc.', 'en', 'USD', '250 Congress Ave, Austin, TX 78701, USA', ['invoices@bluegate.example.com'], { optedOut: true }),
  c('EN11', 'Thornbury Farm Shop', 'en', 'GBP', 'Thornbury Road, Alveston BS35 3LL', ['shop@thornburyfarm.example.com']),
  c('EN12', 'Copperfield Architects Ltd', 'en', 'EUR', 'Rue de la Loi 42, 1040 Brussels, Belgium', ['office@copperfield.example.com', 'accounts@copperfield.example.com', 'm.shaw@copperfield.example.com']),

  c('IT01', 'Ferramenta Bianchi S.r.l.', 'it', 'EUR', 'Via Giuseppe Garibaldi 18, 47121 Forlì (FC)', ['amministrazione@ferramentabianchi.example.it', 'ordini@ferramentabianchi.example.it', 'l.bianchi@ferramentabianchi.example.it'], { agent: 'agente.romagna@duedesk-demo.example.com' }),
  c('IT02', 'Pasticceria Dolcezze di Nicolò', 'it', 'EUR', 'Corso Vittorio Emanuele II 112, 90133 Palermo', ['info@dolcezzenicolo.example.it']),
  c('IT03', 'Officine Meccaniche Galli S.p.A.', 'it', 'EUR', 'Via dell’Industria 7, 22063 Cantù (CO)', ['contabilita@officinegalli.example.it', 'acquisti@officinegalli.example.it'], { agent: 'agente.lombardia@duedesk-demo.example.com' }),
  c('IT04', 'Cantina Sociale Santa Lucìa', 'it', 'EUR', 'Contrada Piana 3, 92100 Agrigento', ['cantina@santalucia.example.it'], { statementEveryDays: 10 }),
  c('IT05', 'Tipografia Fabbri & Figli S.n.c.', 'it', 'EUR', 'Piazza Università 4, 39100 Bolzano', ['fabbri@tipografiafabbri.example.it']),
  c('IT06', 'Studio Associato Mancini–Ricci', 'it', 'EUR', 'Viale Kennedy 55, 65123 Pescara', []),
  c('IT07', 'Ottica Esposito di Raffaella Esposito', 'it', 'EUR', 'Via Toledo 256, 80134 Napoli', ['raffaella@otticaesposito.example.it']),
  c('IT08', 'Falegnameria Colombo', 'it', 'EUR', 'Via Roma 9, 30172 Mestre (VE)', ['colombo.legno@example.it']),
  c('IT09', 'Agriturismo Il Poggio di Càssia', 'it', 'EUR', 'Località Poggio 1, 53024 Montalcino (SI)', ['prenotazioni@ilpoggio.example.it', 'amministrazione@ilpoggio.example.it']),
  c('IT10', 'Tessitura Lombardi S.r.l.', 'it', 'EUR', 'Via Manzoni 31, 13900 Biella', ['amministrazione@tessituralombardi.example.it'], { holdDays: 14 }),
  c('IT11', 'Libreria Gallo di Sàvoia', 'it', 'EUR', 'Via Po 14, 10123 Torino', ['libreria@gallo.example.it']),
  c('IT12', 'Elettrotecnica Fontana S.r.l.', 'it', 'EUR', 'Via Emilia Est 880, 41122 Modena', ['fatture@elettrofontana.example.it']),

  c('GR01', 'Ηλιάδης Εμπορική Α.Ε.', 'el', 'EUR', 'Λεωφόρος Νίκης 21, 546 22 Θεσσαλονίκη', ['logistirio@iliadis.example.gr', 'pliromes@iliadis.example.gr', 'g.iliadis@iliadis.example.gr'], { agent: 'poliseis.voreia@duedesk-demo.example.com' }),
  c('GR02', 'Ελαιουργική Μεσσηνίας Ο.Ε.', 'el', 'EUR', 'Αριστομένους 88, 241 00 Καλαμάτα', ['info@elaiourgiki.example.gr']),
  c('GR03', 'Παπαδόπουλος & Υιοί Ε.Π.Ε.', 'el', 'EUR', 'Ερμού 104, 105 54 Αθήνα', ['papadopoulos@example.gr', 'logistirio.papadopoulos@example.gr']),
  c('GR04', 'Ναυτιλιακή Αιγαίου Ι.Κ.Ε.', 'el', 'USD', 'Ακτή Μιαούλη 47, 185 36 Πειραιάς', ['accounts@naftiliaki-aigaiou.example.gr'], { agent: 'poliseis.naftilia@duedesk-demo.example.com' }),
  c('GR05', 'Φαρμακείο Κωνσταντίνου', 'el', 'EUR', 'Πλατεία Ελευθερίας 5, 712 02 Ηράκλειο', []),
  c('GR06', 'Ξυλουργική Λάρισας Α.Ε.', 'el', 'EUR', 'Βιομηχανική Περιοχή, Ο.Τ. 14, 413 35 Λάρισα', ['grammateia@xyloyrgiki.example.gr']),
  c('GR07', 'Κωνσταντίνος Παππάς', 'el', 'EUR', 'Κολοκοτρώνη 17, 262 21 Πάτρα', ['k.pappas@example.gr'], { cases: ['ΑΠ-2026-031'] }),
  c('GR08', 'Τεχνική Ηπείρου Α.Ε.', 'el', 'EUR', 'Δωδώνης 62, 454 44 Ιωάννινα', ['oikonomiko@texniki-ipeirou.example.gr', 'promitheies@texniki-ipeirou.example.gr']),
  c('GR09', 'Ζαχαροπλαστείο «Η Γλυκιά Ζωή»', 'el', 'EUR', 'Δημητριάδος 190, 382 21 Βόλος', ['glykia.zoi@example.gr'], { statementEveryDays: 30 }),
  c('GR10', 'Εκδόσεις Οικονόμου', 'el', 'EUR', 'Σόλωνος 71, 106 79 Αθήνα', ['ekdoseis@oikonomou.example.gr']),
  c('GR11', 'Ξενοδοχείο Ασπρονήσι', 'el', 'EUR', 'Φηρά, 847 00 Σαντορίνη', ['reception@aspronisi.example.gr', 'accounting@aspronisi.example.gr']),
  c('GR12', 'Δημητρίου Κατασκευαστική Ο.Ε.', 'el', 'EUR', '28ης Οκτωβρίου 9, 691 00 Κομοτηνή', ['dimitriou.kataskevastiki@example.gr']),

  c('BG01', 'Балкан Транс ЕООД', 'bg', 'EUR', 'бул. „Цар Борис III“ 126, 1618 София', ['schetovodstvo@balkantrans.example.bg', 'plashtania@balkantrans.example.bg', 'i.petrov@balkantrans.example.bg'], { agent: 'prodajbi.sofia@duedesk-demo.example.com' }),
  c('BG02', 'Родопа Мебел ООД', 'bg', 'BGN', 'ул. „Христо Ботев“ 45, 4700 Смолян', ['office@rodopamebel.example.bg']),
  c('BG03', 'Тракия Агро АД', 'bg', 'EUR', 'бул. „Руски“ 71, 4000 Пловдив', ['finansi@trakiaagro.example.bg', 'glaven.schetovoditel@trakiaagro.example.bg']),
  c('BG04', 'Витоша Електро ЕТ', 'bg', 'BGN', 'ул. „Витошка“ 12, 1000 София', ['vitosha.elektro@example.bg']),
  c('BG05', 'Георги Димитров Стоянов', 'bg', 'EUR', 'ж.к. „Младост“ 1, бл. 24, вх. Б, 1784 София', ['g.stoyanov@example.bg'], { cases: ['ИД-2025-0117', 'ИД-2026-0042'] }),
  c('BG06', 'Марица Текстил ООД', 'bg', 'EUR', 'ул. „Шипка“ 3, 6300 Хасково', []),
  c('BG07', 'Дунав Логистик ЕООД', 'bg', 'EUR', 'ул. „Александровска“ 97, 7000 Русе', ['logistika@dunavlog.example.bg'], { agent: 'prodajbi.sever@duedesk-demo.example.com' }),
  c('BG08', 'Пирин Строй АД', 'bg', 'BGN', 'бул. „Св. Св. Кирил и Методий“ 18, 2700 Благоевград', ['stroi@pirinstroi.example.bg', 'tehnicheski@pirinstroi.example.bg']),
  c('BG09', 'Черноморска Риба ЕООД', 'bg', 'EUR', 'ул. „Приморски“ 33, 9000 Варна', ['riba@chernomorska.example.bg']),
  c('BG10', 'Аптека „Здраве“ ООД', 'bg', 'EUR', 'ул. „Гурко“ 8, 5000 Велико Търново', ['apteka.zdrave@example.bg']),
  c('BG11', 'Странджа Туризъм ЕООД', 'bg', 'EUR', 'ул. „Аполония“ 2, 8130 Созопол', ['rezervacii@strandzha.example.bg'], { statementEveryDays: 14 }),
  c('BG12', 'Стара Загора Инвест АД', 'bg', 'EUR', 'бул. „Цар Симеон Велики“ 100, 6000 Стара Загора', ['investicii@szinvest.example.bg', 'schetovodstvo@szinvest.example.bg']),

  c('PT01', 'Padaria Conceição Lda.', 'pt', 'EUR', 'Rua de Santa Catarina 215, 4000-450 Porto', ['geral@padariaconceicao.example.com', 'contabilidade@padariaconceicao.example.com', 'ana.conceicao@padariaconceicao.example.com']),
  c('PT02', 'Construções Gonçalves & Irmãos S.A.', 'pt', 'EUR', 'Avenida da Liberdade 190, 1250-147 Lisboa', ['financeiro@construcoesgoncalves.example.com'], { agent: 'vendas.lisboa@duedesk-demo.example.com' }),
  c('PT03', 'Cerâmica Simões Lda.', 'pt', 'EUR', 'Zona Industrial de Taveiro, Lote 12, 3045-508 Coimbra', ['simoes.ceramica@example.com']),
  c('PT04', 'Distribuidora Araújo Ltda.', 'pt', 'BRL', 'Rua Augusta 1508, Consolação, São Paulo – SP, 01304-001', ['cobranca@araujo.example.com.br', 'financeiro@araujo.example.com.br'], { agent: 'vendas.sp@duedesk-demo.example.com' }),
  c('PT05', 'Farmácia Magalhães ME', 'pt', 'BRL', 'Avenida Sete de Setembro 2775, Curitiba – PR, 80230-010', ['farmacia.magalhaes@example.com.br']),
  c('PT06', 'Gráfica Brandão Ltda.', 'pt', 'BRL', 'Travessa Padre Eutíquio 1240, Belém – PA, 66023-710', []),
  c('PT07', 'Têxteis Leitão S.A.', 'pt', 'EUR', 'Rua do Raio 44, 4710-923 Braga', ['contas@texteisleitao.example.com']),
  c('PT08', 'João Assunção Transportes ME', 'pt', 'BRL', 'Rodovia BR-116, km 12, Fortaleza – CE, 60870-000', ['joao.assuncao@example.com.br']),
  c('PT09', 'Restaurante O Cantinho do Avô', 'pt', 'EUR', 'Largo do Chafariz 3, 8600-315 Lagos', ['cantinho.avo@example.com']),
  c('PT10', 'Açaí & Companhia Ltda.', 'pt', 'BRL', 'Rua Oscar Freire 909, São Paulo – SP, 01426-001', ['contato@acaiecia.example.com.br', 'financeiro@acaiecia.example.com.br']),
  c('PT11', 'Oficina Mecânica São Jorge', 'pt', 'EUR', 'Rua Direita 58, 3500-116 Viseu', ['oficina.saojorge@example.com']),
  c('PT12', 'Mármores Conceição do Norte S.A.', 'pt', 'BRL', 'Avenida Afonso Pena 3000, Belo Horizonte – MG, 30130-009', ['financeiro@marmoresnorte.example.com.br'], { statementEveryDays: 30 }),
];
