/**
 * A customer's postal address and how it is written on an envelope (docs/reference/messages.md §5.2):
 * the lines in the order the post of the destination country reads them, and a country line only
 * when the letter goes abroad.
 */
import type { Customer } from './domain.js';

/** The officially assigned ISO 3166-1 alpha-2 codes. */
const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
    'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
    'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
    'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
    'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** True when `code` (upper case) is an ISO 3166-1 alpha-2 country code. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_CODES.has(code);
}

/**
 * How the post of a country wants the postal code and the city (docs/reference/messages.md §5.2):
 * `code-city` "10557 Berlin" (most of Europe, and the default), `city-then-code` the city on one
 * line and the postcode on the next (GB, IE), `city-comma-code` "Springfield, IL 62704" (US: the
 * state goes in the postal code cell), `city-code` "Toronto ON M5V 2T6" (CA, AU, NZ).
 */
type CityLine = 'code-city' | 'city-then-code' | 'city-comma-code' | 'city-code';

const CITY_LINES: Readonly<Record<string, CityLine>> = {
  GB: 'city-then-code', IE: 'city-then-code', IM: 'city-then-code', JE: 'city-then-code', GG: 'city-then-code',
  US: 'city-comma-code', PR: 'city-comma-code',
  CA: 'city-code', AU: 'city-code', NZ: 'city-code',
};

/** The address fields of a customer (docs/reference/csv.md §2.1); a postal address needs line 1 and the city. */
export type AddressFields = Pick<Customer, 'addressLine1' | 'addressLine2' | 'postalCode' | 'city' | 'country'>;

/** True when the customer has a postal address a letter can be sent to. */
export function hasPostalAddress(customer: AddressFields): boolean {
  return Boolean(customer.addressLine1?.trim()) && Boolean(customer.city?.trim());
}

/** What the envelope needs besides the address: the sender's country and the language of the country line. */
export interface EnvelopeContext {
  /** `company.country`: the country of an address without one, and the one that is not "abroad". */
  companyCountry: string | null;
  /** The language the country line is written in (the company's). */
  language: string;
}

/** The name of a country in capitals, as the post wants the last line of a letter going abroad. */
function countryLine(code: string, language: string): string {
  const name = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' }).of(code) ?? code;
  return name.toLocaleUpperCase(language);
}

function cityLines(style: CityLine, postalCode: string, city: string): string[] {
  if (postalCode === '') return [city];
  switch (style) {
    case 'code-city':
      return [`${postalCode} ${city}`];
    case 'city-then-code':
      return [city, postalCode];
    case 'city-comma-code':
      return [`${city}, ${postalCode}`];
    case 'city-code':
      return [`${city} ${postalCode}`];
    default: {
      const never: never = style;
      return never;
    }
  }
}

/**
 * The lines below the recipient's name in the envelope window: street lines, the city line(s) in
 * the destination country's order, and the country when it differs from the company's. Empty when
 * the customer has no postal address.
 */
export function addressLines(customer: AddressFields, context: EnvelopeContext): string[] {
  if (!hasPostalAddress(customer)) return [];
  const country = customer.country?.trim() || context.companyCountry;
  const style = (country !== null && CITY_LINES[country]) || 'code-city';
  const lines = [customer.addressLine1!.trim()];
  if (customer.addressLine2?.trim()) lines.push(customer.addressLine2.trim());
  lines.push(...cityLines(style, customer.postalCode?.trim() ?? '', customer.city!.trim()));
  if (country !== null && country !== context.companyCountry) lines.push(countryLine(country, context.language));
  return lines;
}
