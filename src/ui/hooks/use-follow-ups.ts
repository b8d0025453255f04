/**
 * The follow-up tasks at the top of Due now (docs/reference/tui.md §2.3): notes whose follow-up
 * date has come, oldest first, until a clerk marks them done (F marks the first; `duedesk note
 * --done ID` any).
 */
import { useRef, useState } from 'react';
import type { IsoDate } from '../../core/domain.js';
import type { FollowUpTask } from '../../actions/desk-views.js';
import { errorText } from '../desk-context.js';
import type { DeskServices } from '../services.js';
import { useLoad } from './use-load.js';

/** How many task lines Due now shows at most (the rest are counted). */
const TASK_LINES = 3;

/** The tasks, their lines for a width, and the F key. */
export interface FollowUps {
  tasks: readonly FollowUpTask[];
  lines(): string[];
  completeFirst(): void;
}

/** Load the follow-ups due on `asOf` (again when `version` changes). */
export function useFollowUps(services: DeskServices, asOf: IsoDate, version: number, notify: (text: string, tone: 'ok' | 'warn' | 'error') => void, changed: () => void): FollowUps {
  const [tasks, setTasks] = useState<readonly FollowUpTask[]>([]);
  const current = useRef(tasks);
  current.current = tasks;
  useLoad(
    () => services.followUps(asOf),
    (found) => setTasks(found),
    (error) => notify(`follow-ups: ${error}`, 'error'),
    [services, asOf, version],
  );
  return {
    tasks,
    lines: () => {
      const shown = tasks.slice(0, TASK_LINES).map((task) => `Follow up ${task.followUp}: ${task.code} ${task.name} — ${task.body.replace(/\s+/g, ' ')} (note #${task.id})`);
      if (tasks.length > TASK_LINES) shown.push(`… and ${tasks.length - TASK_LINES} more follow-ups`);
      return shown;
    },
    completeFirst: () => {
      const first = current.current[0];
      if (first === undefined) {
        notify('no follow-up is due', 'warn');
        return;
      }
      services.completeFollowUp(first.id).then(
        () => {
          // Off the list in the same frame that says it is done; the reload that follows agrees.
          setTasks((shown) => shown.filter((task) => task.id !== first.id));
          notify(`follow-up #${first.id} (${first.code}) done`, 'ok');
          changed();
        },
        (error: unknown) => notify(`follow-up #${first.id}: ${errorText(error)}`, 'error'),
      );
    },
  };
}
