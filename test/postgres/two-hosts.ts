/** Two hosts (each its own settings directory and outbox) on one fresh PostgreSQL ledger, dropped after. */
import { sandbox, type Sandbox } from '../cli/io.js';
import { dropDatabase, freshDatabase } from '../helpers/pg.js';

/** Run `body` with a cron host and a clerk's host on the ledger at `url`; the database is dropped after. */
export async function withTwoHosts(body: (cron: Sandbox, clerk: Sandbox, url: string) => Promise<void>): Promise<void> {
  const url = await freshDatabase();
  try {
    const cron = sandbox();
    const clerk = sandbox();
    cron.env.DUEDESK_DB = url;
    clerk.env.DUEDESK_DB = url;
    await body(cron, clerk, url);
  } finally {
    await dropDatabase(url);
  }
}
