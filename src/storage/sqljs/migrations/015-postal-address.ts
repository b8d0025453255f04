/**
 * Migration 15: customers get a postal address, a contact person and a phone number
 * (docs/reference/csv.md §2.1), so a letter can be posted in a window envelope.
 *
 * - `customers.contact_person`, `phone`, `address_line1`, `address_line2`, `postal_code`, `city`,
 *   `country` (ISO 3166-1 alpha-2; NULL = the company's country): all NULL for existing rows.
 * - The change count (migration 12) also moves when one of them changes: the address is printed on
 *   the letter and the contact person greeted, so a plan made before such a change is stale.
 */
const ADDRESS_COLUMNS = ['contact_person', 'phone', 'address_line1', 'address_line2', 'postal_code', 'city', 'country'];

export const sql = `
${ADDRESS_COLUMNS.map((column) => `ALTER TABLE customers ADD COLUMN ${column} TEXT;`).join('\n')}
CREATE TRIGGER customers_address_count_update AFTER UPDATE ON customers
  WHEN NEW.change_count IS OLD.change_count AND (${ADDRESS_COLUMNS.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')})
BEGIN UPDATE customers SET change_count = change_count + 1 WHERE code = NEW.code; END;
`;
