/**
 * What every action gets: the open ledger, the command's context (settings, environment, wall clock
 * passed in, working folder, streams), where the data lives, planning, and the session's own state.
 * Built once at the edge (a command, the desk session) and passed to each action.
 */
import type { Actor } from '../collections/actor.js';
import { localDate } from '../core/dates.js';
import type { IsoDate } from '../core/domain.js';
import type { PlannedMessage } from '../core/plan.js';
import type { Settings } from '../core/settings.js';
import { operatorName } from '../delivery/record.js';
import type { MessageRenderer } from '../delivery/render.js';
import { planDue } from '../planning/plan-due.js';
import type { CommandContext, TextSink } from '../runtime/context.js';
import type { DataPlace } from '../settings/paths.js';
import type { Ledger } from '../storage/ledger.js';
import { ledgerFile } from '../storage/ledger-location.js';

/** State that lives as long as one session (a desk session; a command has a fresh one). */
export interface Session {
  /** The SMTP password typed for this session only (never written anywhere). */
  password: string | null;
  /** The documents renderer of a day, rebuilt when the day or the settings change. */
  renderer: { asOf: IsoDate; value: MessageRenderer } | null;
  /**
   * Each planned message's customer change count when it was planned: the desk may send a plan
   * made minutes ago, and a customer paid or changed since must not get it.
   */
  plannedCounts: WeakMap<PlannedMessage, number>;
  /** Delivery warnings kept off the screen. */
  warnings: TextSink & { lines: string[] };
}

/** The dependencies of every action. */
export interface ActionDeps {
  ledger: Ledger;
  context: CommandContext;
  place: DataPlace;
  /** Planning (tests count the plans made through it). */
  planDue: typeof planDue;
  session: Session;
}

/** What a session may be given instead of the real parts. */
export interface DepsOptions {
  planDue?: typeof planDue;
}

/** A fresh session: no password, no renderer, nothing planned. */
export function newSession(): Session {
  const lines: string[] = [];
  return {
    password: null,
    renderer: null,
    plannedCounts: new WeakMap(),
    warnings: { lines, write: (text: string) => lines.push(...text.split('\n').filter((l) => l !== '')) },
  };
}

/** The dependencies of the actions of one command or desk session, over the context's ledger. */
export async function actionDeps(context: CommandContext, options: DepsOptions = {}): Promise<ActionDeps> {
  const ledger = await context.openLedger();
  return {
    ledger,
    context,
    place: { dbPath: ledgerFile(ledger), cwd: context.cwd },
    planDue: options.planDue ?? planDue,
    session: newSession(),
  };
}

/** The current settings. */
export function settingsOf(deps: ActionDeps): Settings {
  return deps.context.settings.read();
}

/** Today's date by the context's clock. */
export function todayOf(deps: ActionDeps): IsoDate {
  return localDate(deps.context.now());
}

/** Who records and when: the ledger's user (the `operator` setting beside it as display name), `asOf` (default today) and the wall-clock time. */
export function actorAt(context: CommandContext, ledger: Ledger, asOf?: IsoDate): Actor {
  const now = context.now();
  return { operator: operatorName(ledger, context.settings.read().operator), asOf: asOf ?? localDate(now), at: now.toISOString() };
}

/** Who records an action's change and when (see actorAt). */
export function actorOf(deps: ActionDeps, asOf?: IsoDate): Actor {
  return actorAt(deps.context, deps.ledger, asOf);
}
