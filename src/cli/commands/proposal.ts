/** `duedesk proposal list | show ID | approve ID [--remove KEY…]`: proposals from the command line. */
import { actionDeps } from '../../actions/deps.js';
import { approveProposal } from '../../actions/collections.js';
import { ExitCode, UserError } from '../../core/exit-codes.js';
import { proposalSummary, proposalText } from '../../core/proposal-text.js';
import { parseStrictArgs } from '../../csv/import/strict-args.js';
import type { CommandContext } from '../../runtime/context.js';
import { getProposal, listProposals } from '../../storage/proposals.js';

const USAGE = 'usage: duedesk proposal list | show ID | approve ID [--remove KEY…]';

function idOf(text: string | undefined): number {
  if (text === undefined || !/^\d+$/.test(text)) throw new UserError(`proposal: "${text ?? ''}" is not a proposal id (a number)\n${USAGE}`);
  return Number(text);
}

/** List, show or approve proposals; returns the exit code. */
export async function runProposal(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseStrictArgs('proposal', USAGE, args, { remove: { type: 'string', multiple: true } });
  const [action, id, ...more] = positionals;
  const deps = await actionDeps(ctx);
  const { ledger } = deps;
  if (action !== 'approve' && (values.remove !== undefined || more.length > 0)) throw new UserError(`proposal: unexpected arguments\n${USAGE}`);
  switch (action) {
    case 'list':
      if (id !== undefined) throw new UserError(`proposal: list takes no id\n${USAGE}`);
      const proposals = await ledger.read((sql) => listProposals(sql));
      // An empty list says why on stderr, so a script reading stdout still gets no lines.
      if (proposals.length === 0) ctx.stderr.write('no proposals: --send-due records one each day while schedule.approval is true\n');
      for (const proposal of proposals) {
        ctx.stdout.write(`#${proposal.id}  ${proposal.asOf}  ${proposal.status}  ${proposalSummary(proposal)}  by ${proposal.createdBy}\n`);
      }
      return ExitCode.Ok;
    case 'show': {
      const proposal = await ledger.read((sql) => getProposal(sql, idOf(id)));
      if (proposal === null) throw new UserError(`proposal: there is no proposal #${id}`);
      ctx.stdout.write(proposalText(proposal));
      return ExitCode.Ok;
    }
    case 'approve': {
      // `--remove A B`: the keys after the first are positionals.
      if (values.remove === undefined && more.length > 0) throw new UserError(`proposal: unexpected argument "${more[0]}"\n${USAGE}`);
      const remove = [...(values.remove ?? []), ...more];
      const approved = await approveProposal.run(deps, { id: idOf(id), remove });
      ctx.stdout.write(proposalText(approved));
      ctx.stdout.write(`proposal #${approved.id} approved; the next --send-due sends it\n`);
      return ExitCode.Ok;
    }
    default:
      throw new UserError(`proposal: ${action === undefined ? 'what?' : `unknown action "${action}"`} (list, show, approve)\n${USAGE}`);
  }
}
