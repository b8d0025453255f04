/**
 * Scoring e-mails with Debian's SpamAssassin (`spamassassin -L`: local tests only, no network, the
 * rules shipped with the package; `sa-update` is never needed).
 *
 * - Each spamassassin process spends 1-2 s loading its rules and then ~0.2 s per message, so the
 *   messages go in as one mbox per process (`--mbox`), two processes side by side (two cores).
 * - Bayes is off and HOME is a throwaway folder: the result depends on the rules only, and a run
 *   never writes into the user's ~/.spamassassin.
 * - No spamassassin: under CI=true that is a failure (CI installs it); elsewhere the tests that
 *   need it are skipped and one line says why.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The spamassassin program to run, or why the spam tests are skipped. */
export type SpamAssassinChoice = { bin: string } | { skip: string };

/** Find `spamassassin` on PATH; under CI=true its absence is an error. */
export function chooseSpamAssassin(env: NodeJS.ProcessEnv): SpamAssassinChoice {
  for (const dir of (env.PATH ?? '').split(delimiter).filter((d) => d !== '')) {
    const bin = join(dir, 'spamassassin');
    try {
      accessSync(bin, constants.X_OK);
      return { bin };
    } catch {
      // not in this folder
    }
  }
  const why = 'no spamassassin on PATH';
  if (env.CI === 'true') throw new Error(`spam score tests: ${why} (install Debian's spamassassin, as .ci/run does)`);
  return { skip: `spam score tests skipped: ${why} (apt-get install spamassassin)` };
}

/** One rule SpamAssassin matched and the points it gave. */
export interface SpamRule {
  name: string;
  points: number;
}

/** What SpamAssassin made of one message. */
export interface SpamVerdict {
  /** Sum of the points of every rule hit (what `X-Spam-Status: score=` shows rounded). */
  score: number;
  rules: SpamRule[];
}

/** `rules` as `NAME=points` for a failure message, highest first. */
export function describeRules(rules: SpamRule[]): string {
  return [...rules].sort((a, b) => b.points - a.points).map((r) => `${r.name}=${r.points}`).join(', ');
}

/** Score every message (raw RFC 5322 bytes, CRLF or LF); the verdicts come back in the same order. */
export async function spamVerdicts(bin: string, messages: Buffer[], processes = 2): Promise<SpamVerdict[]> {
  const home = mkdtempSync(join(tmpdir(), 'duedesk-spamassassin-'));
  try {
    const size = Math.ceil(messages.length / Math.max(1, processes));
    const batches: Buffer[][] = [];
    for (let at = 0; at < messages.length; at += size) batches.push(messages.slice(at, at + size));
    const results = await Promise.all(batches.map((batch) => scoreBatch(bin, home, batch)));
    return results.flat();
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** One spamassassin process over `batch` as an mbox. */
function scoreBatch(bin: string, home: string, batch: Buffer[]): Promise<SpamVerdict[]> {
  const args = ['-L', '--mbox', '--cf', 'use_bayes 0', '--cf', 'add_header all Tests _TESTSSCORES(,)_'];
  return new Promise((resolve, reject) => {
    const child = execFile(bin, args, { env: { ...process.env, HOME: home }, maxBuffer: 256 * 1024 * 1024, encoding: 'latin1' }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`spamassassin failed: ${error.message}\n${stderr}`));
      const verdicts = parseOutput(stdout);
      // Matched by Message-ID: spamassassin need not hand the messages back in the order given.
      const ordered = batch.map((raw) => verdicts.get(messageIdOf(raw.toString('latin1'))));
      const missing = ordered.findIndex((verdict) => verdict === undefined);
      if (missing >= 0) return reject(new Error(`spamassassin gave no verdict for ${messageIdOf(batch[missing]!.toString('latin1'))}\n${stderr}`));
      resolve(ordered as SpamVerdict[]);
    });
    child.stdin?.end(toMbox(batch));
  });
}

/** mboxo: a `From ` line before each message, LF line ends, body lines starting `From ` quoted. */
function toMbox(messages: Buffer[]): Buffer {
  return Buffer.concat(
    messages.map((raw) => {
      const text = raw.toString('latin1').replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
      return Buffer.from(`From duedesk@localhost Thu Jan  1 00:00:00 2026\n${text.endsWith('\n') ? text : `${text}\n`}\n`, 'latin1');
    }),
  );
}

/** The Message-ID header of a raw message (each message scored must have its own). */
function messageIdOf(raw: string): string {
  const headers = raw.slice(0, raw.search(/\r?\n\r?\n/));
  const id = /^Message-ID:\s*(\S+)/im.exec(headers)?.[1];
  if (id === undefined) throw new Error(`a message without Message-ID cannot be scored: ${headers.slice(0, 300)}`);
  return id;
}

/** The verdict of each message in spamassassin's mbox output by Message-ID, from the headers it added. */
function parseOutput(output: string): Map<string, SpamVerdict> {
  const verdicts = output
    .split(/^From duedesk@localhost .*\n/m)
    .slice(1)
    .map((message): [string, SpamVerdict] => {
      const headers = message.slice(0, message.indexOf('\n\n')).replace(/\n[ \t]+/g, '');
      const tests = /^X-Spam-Tests:(.*)$/m.exec(headers)?.[1]?.trim() ?? '';
      const rules = tests
        .split(',')
        .filter((t) => t.includes('='))
        .map((t) => {
          const [name, points] = t.split('=');
          return { name: name!.trim(), points: Number(points) };
        });
      if (!/^X-Spam-Status:/m.test(headers)) throw new Error(`spamassassin gave no X-Spam-Status for a message:\n${headers.slice(0, 500)}`);
      return [messageIdOf(message), { score: Math.round(rules.reduce((sum, r) => sum + r.points, 0) * 1000) / 1000, rules }];
    });
  return new Map(verdicts);
}
