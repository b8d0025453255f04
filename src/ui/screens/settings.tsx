/**
 * Settings: company data and SMTP fields (Enter edits, validated by the settings layer), the SMTP
 * password for this session only, a test e-mail, the policy overview and CSV import with its
 * error report.
 */
import { Table } from '@alcalzone/ink-table';
import type { Key } from 'ink';
import { Box, Text } from 'ink';
import React, { useRef, useState } from 'react';
import { runCommand, type CommandHandlers } from '../command-handlers.js';
import { errorText, useDesk, useScreenKeys, type Desk, type ScreenProps } from '../desk-context.js';
import { clip, fit } from '../format.js';
import { listActionFor } from '../hooks/list-keys.js';
import { initialList, listReducer, windowTop, type ListAction, type ListState } from '../hooks/list-state.js';
import { PromptLine, usePrompt, type Prompt } from '../dialogs/prompt.js';
import { useRefReducer } from '../hooks/use-ref-reducer.js';
import type { Command } from '../keys.js';
import { IMPORT_KINDS } from '../../core/csv/types.js';
import { importRequestOf } from '../import-line.js';
import { EDITABLE_SETTINGS } from '../services.js';

/** An import's outcome, shown under the fields until Esc. */
interface ImportReport {
  title: string;
  lines: string[];
  ok: boolean;
}

/** What a Settings command sees: the field under the cursor and what the screen can do. */
interface SettingsKeyView {
  field: (typeof EDITABLE_SETTINGS)[number] | undefined;
  desk: Desk;
  prompt: Prompt;
  /** Draw the fields again (a value or the session password changed). */
  changed(): void;
  setReport(report: ImportReport): void;
}

/** The Settings screen's commands. */
export const SETTINGS_COMMANDS: CommandHandlers<SettingsKeyView> = {
  edit: ({ field, desk, prompt, changed }) => {
    if (!field) return;
    prompt.open({
      label: field,
      initial: desk.services.readSettings()[field] ?? '',
      hint: 'Enter saves · Esc cancels',
      onSubmit: (value) =>
        desk.services.updateSetting(field, value).then(
          () => {
            desk.notify(`${field} saved`, 'ok');
            changed();
            return null;
          },
          (error: unknown) => errorText(error),
        ),
    });
  },
  password: ({ desk, prompt, changed }) =>
    prompt.open({
      label: 'SMTP password (this session only, never saved)',
      mask: true,
      onSubmit: (value) => {
        desk.services.setSessionPassword(value);
        desk.notify(value === '' ? 'session password cleared' : 'password kept for this session only', 'ok');
        changed();
        return null;
      },
    }),
  testMail: ({ desk, prompt }) =>
    prompt.open({
      label: 'Send a test e-mail to',
      initial: desk.services.readSettings()['company.email'] ?? '',
      onSubmit: (value) => {
        const address = value.trim();
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return `"${address}" is not an e-mail address`;
        desk.notify(`sending a test e-mail to ${address}…`, 'info');
        return desk.services.sendTestMail(address).then(
          (text) => {
            desk.notify(text, 'ok');
            return null;
          },
          (error: unknown) => `test e-mail failed: ${errorText(error)}`,
        );
      },
    }),
  importCsv: ({ desk, prompt, setReport }) =>
    prompt.open({
      label: 'Import',
      hint: `KIND FILE [--skip-invalid] [--snapshot] [--decimal-comma] … — KIND is ${IMPORT_KINDS.join(', ')}`,
      onSubmit: (value) => {
        const request = importRequestOf(value);
        if (typeof request === 'string') return request;
        return desk.services.importCsv(request).then(
          (result) => {
            const ok = !result.rejected;
            setReport({ title: `Import ${request.kind} ${request.file}: ${ok ? 'done' : 'nothing imported'}`, lines: [...result.problems, result.summary], ok });
            desk.notify(`import ${request.kind}: ${ok ? result.summary : 'refused, see the report'}`, ok ? 'ok' : 'error');
            if (result.saved) desk.dataChanged();
            return null;
          },
          (error: unknown) => errorText(error),
        );
      },
    }),
};

/** The Settings screen. */
export function SettingsScreen({ height, width, active }: ScreenProps): React.JSX.Element {
  const desk = useDesk();
  const { services } = desk;
  const [list, dispatch, ref] = useRefReducer<ListState, ListAction>(listReducer, initialList);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [, rerender] = useState(0);
  const prompt = usePrompt();
  const fieldsHeight = useRef(8);

  const handle = (command: Command | null, _input: string, key: Key): boolean => {
    const action = listActionFor(command, () => [], EDITABLE_SETTINGS.length, fieldsHeight.current, null);
    if (action && command !== 'toggle' && command !== 'selectAll' && command !== 'selectNone') {
      dispatch(action);
      return true;
    }
    const field = EDITABLE_SETTINGS[ref.current.cursor];
    const view: SettingsKeyView = { field, desk, prompt, changed: () => rerender((n) => n + 1), setReport };
    const taken = runCommand(SETTINGS_COMMANDS, command, view);
    if (taken !== undefined) return taken;
    if (key.escape && report) {
      setReport(null);
      return true;
    }
    return false;
  };
  useScreenKeys(handle, () => ['settings', 'list']);

  const values = services.readSettings();
  const policy = services.policyOverview();
  const promptLines = prompt.shown ? 2 : 0;
  const reportLines = report ? Math.min(report.lines.length + 1, Math.max(2, Math.floor(height / 3))) : 0;
  const rows: string[] = [
    ...EDITABLE_SETTINGS.map((k) => `${fit(k, 18)} ${values[k] ?? ''}`),
  ];
  // The level table draws a rule under every row: 2 lines per level plus borders and heading.
  const levelTableHeight = policy.levels.length > 0 ? 2 * policy.levels.length + 3 : 0;
  const available = height - 1 - promptLines - reportLines;
  const policyRoom = Math.max(0, available - Math.min(rows.length, 4) - 1);
  const showLevels = levelTableHeight > 0 && policyRoom >= policy.lines.length + levelTableHeight;
  const policyLines = policy.lines.slice(0, Math.max(0, policyRoom - (showLevels ? levelTableHeight : 0)));
  const fieldsRoom = Math.max(1, available - 1 - policyLines.length - (showLevels ? levelTableHeight : 0));
  fieldsHeight.current = fieldsRoom;
  const top = windowTop(list.top, list.cursor, fieldsRoom, rows.length);
  // What the session's role may not do is not offered (docs/reference/roles.md §3.1).
  const offered = (command: string, hint: string): string => {
    const binding = desk.keys.bindings.find((b) => b.scope === 'settings' && b.command === command);
    return binding !== undefined && desk.roleRefusal(binding) !== null ? '' : hint;
  };
  const hints = [offered('edit', 'Enter edit'), `P password (${services.hasSessionPassword() ? 'typed for this session' : 'not typed'})`, 'm test e-mail', offered('importCsv', 'I import CSV')];
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {clip(`Settings — ${hints.filter((hint) => hint !== '').join(' · ')}`, width)}
      </Text>
      {rows.slice(top, top + fieldsRoom).map((row, i) => (
        <Text key={row.slice(0, 18)} inverse={active && top + i === list.cursor} wrap="truncate">
          {fit(`${top + i === list.cursor ? '›' : ' '} ${row}`, width)}
        </Text>
      ))}
      <Text bold wrap="truncate">
        {clip('Policy', width)}
      </Text>
      {policyLines.map((line) => (
        <Text key={line} wrap="truncate">
          {clip(`  ${line}`, width)}
        </Text>
      ))}
      {showLevels ? <Table data={policy.levels} /> : null}
      {report ? (
        <Box flexDirection="column">
          <Text bold color={report.ok ? 'green' : 'red'} wrap="truncate">
            {clip(`${report.title} (Esc hides)`, width)}
          </Text>
          {report.lines.slice(0, reportLines - 1).map((line, i) => (
            <Text key={i} color={report.ok ? undefined : 'red'} wrap="truncate">
              {clip(line, width)}
            </Text>
          ))}
        </Box>
      ) : null}
      <PromptLine prompt={prompt} />
    </Box>
  );
}
