/**
 * Everything the screens need from the rest of duedesk, as one object: the desk's actions
 * (src/actions) bound to the session. The screens never touch storage, planning, documents or
 * delivery directly; the real session builds it with createServices (services-impl.ts).
 */
import { reviewDesk, type DeskActions } from '../actions/index.js';
import { TUI_SETTING_KEYS } from '../settings/table.js';

export type {
  CurrencyAmount,
  CustomerDetail,
  CustomerList,
  CustomerRow,
  LevelRow,
  PlanProgress,
  PolicyOverview,
  PreviewView,
  SendOutcome,
  SendProgress,
  SendResult,
  SettingsValues,
  TimelineEntry,
} from '../actions/desk-views.js';
export type { ImportRequest } from '../csv/import/request.js';
export type { ImportResult } from '../csv/import/import-csv.js';

/** The desk's view of duedesk, one method per desk action. Every method may reject with an Error whose message is shown. */
export interface DeskServices extends DeskActions {}

/** The settings keys the Settings screen edits, in display order (the table's `tui` rows). */
export const EDITABLE_SETTINGS = TUI_SETTING_KEYS;

/**
 * `services` with every action that changes something refused (review mode), enforced here as well
 * as by the screens' key table, so no key path can slip through.
 */
export function readOnlyServices(services: DeskServices): DeskServices {
  return reviewDesk(services);
}
