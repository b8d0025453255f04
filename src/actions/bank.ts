/**
 * Bank statements as `duedesk import bank`, `duedesk bank` and the desk's unmatched credits use
 * them (docs/reference/bank.md, docs/reference/cli.md §13): import a statement, list the credits
 * waiting for a clerk, assign one. The readers and the matching load on first use.
 */
import type { BankFormat } from '../core/bank/credit.js';
import type { StoredCredit } from '../storage/bank.js';
import type { BankImportCounts } from '../bank/apply.js';
import type { Assignment } from '../bank/assign.js';
import { fileSha256 } from './import.js';
import { defineAction } from './action.js';
import type { ActionDeps } from './deps.js';

/** A statement to import. */
export interface BankImportInput {
  /** The file as the user wrote it, relative to the working folder. */
  file: string;
  /** The format, when not detected from the content. */
  format?: BankFormat | undefined;
  /** Decide and report only; change nothing. */
  dryRun: boolean;
  /** Hears the entries read so far and the file's entry count. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Thrown inside the write of a dry run to roll it back; carries the counts out. */
class DryRun extends Error {
  constructor(readonly counts: BankImportCounts) {
    super('dry run');
  }
}

/** Import a bank statement (docs/reference/bank.md §2): the whole file in one transaction. */
export const importBank = defineAction({
  name: 'import bank statement',
  changes: true,
  refused: 'importing a bank statement',
  needs: 'supervisor',
  // The file's name, SHA-256 and what it changed (docs/reference/roles.md §4); a dry run changed nothing.
  audit: {
    about: () => ({ customer: null, subject: 'bank' }),
    done: async (input, counts, { cwd }) => {
      if (input.dryRun) return false;
      const { resolve } = await import('node:path');
      const sha = await fileSha256(resolve(cwd, input.file));
      return `${input.file} sha256 ${sha}: ${counts.credits} credits, ${counts.items} paid items, ${counts.onAccount} on account, ${counts.unmatched.length} unmatched, ${counts.duplicates} duplicates`;
    },
  },
  run: async (deps: ActionDeps, input: BankImportInput): Promise<BankImportCounts> => {
    const { resolve } = await import('node:path');
    const { readStatement } = await import('../bank/read-statement.js');
    const { applyStatement } = await import('../bank/apply.js');
    const statement = await readStatement(resolve(deps.context.cwd, input.file), input.file, input.format, input.onProgress);
    try {
      return await deps.ledger.write(async (sql) => {
        const counts = await applyStatement(sql, statement);
        if (input.dryRun) throw new DryRun(counts);
        return counts;
      });
    } catch (error) {
      if (error instanceof DryRun) return error.counts;
      throw error;
    }
  },
});

/** The credits waiting for a clerk, oldest first. */
export const unmatchedCredits = defineAction({
  name: 'unmatchedCredits',
  changes: false,
  run: async (deps: ActionDeps, _input: void): Promise<StoredCredit[]> => {
    const { unmatchedCredits: list } = await import('../storage/bank.js');
    return deps.ledger.read((sql) => list(sql));
  },
});

/** Which credit goes to whom. */
export interface AssignInput {
  ref: string;
  customerCode: string;
  items: readonly string[];
}

/** Assign an unmatched credit to a customer, optionally over items (docs/reference/bank.md §4). */
export const assignCredit = defineAction({
  name: 'assign bank credit',
  changes: true,
  refused: 'assigning a bank credit',
  // It records payments, as an import does (docs/reference/roles.md §3).
  needs: 'supervisor',
  audit: { about: (input) => ({ customer: input.customerCode, subject: input.ref }) },
  run: async (deps: ActionDeps, input: AssignInput): Promise<Assignment> => {
    const { assignCredit: assign } = await import('../bank/assign.js');
    return deps.ledger.write((sql) => assign(sql, input.ref, input.customerCode, input.items));
  },
});

/** A credit waiting for a clerk, as the desk lists it. */
export type UnmatchedCredit = StoredCredit;

/** A customer a search found: code, name and currency. */
export interface CustomerMatch {
  code: string;
  name: string;
  currency: string;
}

/** Customers whose code or name contains `query` (any case), at most 20, an exact code first. */
export const searchCustomers = defineAction({
  name: 'searchCustomers',
  changes: false,
  run: async (deps: ActionDeps, query: string): Promise<CustomerMatch[]> => {
    const { customersMatching } = await import('../storage/bank.js');
    return deps.ledger.read((sql) => customersMatching(sql, query.trim(), 20));
  },
});
