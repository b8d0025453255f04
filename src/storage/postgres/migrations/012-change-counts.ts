/**
 * Migration 12 for PostgreSQL: the customers' change count and the history status `stopped` (see
 * ../../sqljs/migrations/012-change-counts.ts). Inserts and deletes bump the count once per statement (a million-item
 * import pays one UPDATE per statement, not a function call per row); updates per changed row,
 * filtered in the trigger's WHEN so an upsert that rewrites a row as it was costs no call.
 */
export const sql = `
ALTER TABLE customers ADD COLUMN change_count bigint NOT NULL DEFAULT 0;

CREATE FUNCTION customer_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.change_count = OLD.change_count THEN NEW.change_count := OLD.change_count + 1; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER customers_count_update BEFORE UPDATE ON customers
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION customer_row_changed();

CREATE FUNCTION count_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customers SET change_count = change_count + 1 WHERE code IN (SELECT customer_code FROM changed_rows);
  RETURN NULL;
END $$;
CREATE FUNCTION count_changed_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customers SET change_count = change_count + 1 WHERE code IN (NEW.customer_code, OLD.customer_code);
  RETURN NULL;
END $$;
CREATE FUNCTION count_changed_promise_items() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE customers SET change_count = change_count + 1
   WHERE code IN (SELECT p.customer_code FROM promises p JOIN changed_rows r ON r.promise_id = p.id);
  RETURN NULL;
END $$;
${['items', 'payments', 'plans', 'promises', 'item_disputes']
  .map(
    (table) => `
CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_changed_rows();
CREATE TRIGGER ${table}_count_update AFTER UPDATE ON ${table}
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION count_changed_row();
CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_changed_rows();`,
  )
  .join('\n')}
CREATE TRIGGER promise_items_count_insert AFTER INSERT ON promise_items REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_changed_promise_items();
CREATE TRIGGER promise_items_count_delete AFTER DELETE ON promise_items REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION count_changed_promise_items();

ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check CHECK (status IN ('sending', 'sent', 'failed', 'uncertain', 'stopped'));
`;
