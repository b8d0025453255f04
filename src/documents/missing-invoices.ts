/**
 * The skip `missing-attachment` (docs/reference/rules.md §8), decided at the edge after the pure
 * plan: a message whose level attaches invoices and whose invoice PDF is missing is held back, in a
 * dry run and a real send alike, and the skip's detail names the file, instead of it going out
 * without the invoice.
 */
import type { Plan, Skip } from '../core/plan.js';
import type { Settings } from '../core/settings.js';
import { missingInvoices } from './invoices.js';

/** `plan` without the messages whose invoice PDFs are missing, each customer skipped once with every file named. */
export function holdBackMissingInvoices(plan: Plan, settings: Settings, cwd: string): Plan {
  if (!plan.messages.some((message) => message.attachInvoices)) return plan;
  const invoiceDir = settings.mail?.invoiceDir;
  const missing = new Map<string, string[]>();
  const messages = plan.messages.filter((message) => {
    const files = missingInvoices(message, invoiceDir, cwd);
    if (files.length === 0) return true;
    const code = message.customer.code;
    missing.set(code, [...(missing.get(code) ?? []), ...files]);
    return false;
  });
  const skipped: Skip[] = [...missing].map(([customer, files]) => ({
    customer,
    reason: 'missing-attachment',
    detail: [...new Set(files)].join(', '),
  }));
  return { ...plan, messages, skipped: [...plan.skipped, ...skipped] };
}
