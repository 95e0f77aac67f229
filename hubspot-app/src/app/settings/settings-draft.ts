// The page's edits: a value per field path, applied to a copy of the document the backend sent, and sent back as
// the merge patch of what changed. Validation stays the backend's: its issues come back next to their fields.
import type { FieldSpec } from './settings-fields.ts';
import { createMergePatch } from './merge-patch.ts';
import type { SettingsDocument } from './api/settings-contract.ts';
import type { FieldIssue } from './api/ripe-client.ts';

export type DraftValue = string | number | undefined;
export type Draft = Record<string, DraftValue>;

export interface ScheduleChoice {
  enabled: boolean;
}

/** The draft's starting values: what the document holds at each field's path. */
export function initialDraft(document: SettingsDocument, fields: readonly FieldSpec[]): Draft {
  const draft: Draft = {};
  for (const field of fields) {
    const value = valueAt(document, field.path);
    if (field.kind === 'list') draft[field.path] = Array.isArray(value) ? value.join('\n') : '';
    else if (field.kind === 'secret') draft[field.path] = '';
    else if (typeof value === 'string' || typeof value === 'number') draft[field.path] = value;
    else draft[field.path] = field.kind === 'number' ? undefined : '';
  }
  return draft;
}

/** The merge patch that turns `document` into the draft; undefined when nothing changed. */
export function settingsPatch(
  document: SettingsDocument,
  fields: readonly FieldSpec[],
  draft: Draft,
  schedule: ScheduleChoice,
): Record<string, unknown> | undefined {
  const edited = structuredClone(document) as Record<string, unknown>;
  for (const field of fields) {
    if (field.path.startsWith('schedule.')) continue;
    const value = draft[field.path];
    if (field.kind === 'secret') {
      // Write-only: an empty box keeps the URL already configured.
      if (typeof value === 'string' && value.trim()) setAt(edited, field.path, value.trim());
    } else if (field.kind === 'list') {
      setAt(edited, field.path, listOf(value));
    } else if (field.kind === 'number') {
      setAt(edited, field.path, value === '' ? undefined : value);
    } else {
      const text = typeof value === 'string' ? value.trim() : value;
      setAt(edited, field.path, text === '' ? undefined : text);
    }
  }
  edited.schedule = schedule.enabled
    ? {
        timeOfDay: String(draft['schedule.timeOfDay'] ?? '').trim(),
        timeZone: String(draft['schedule.timeZone'] ?? '').trim(),
      }
    : null;
  const patch = createMergePatch(JSON.parse(JSON.stringify(document)), JSON.parse(JSON.stringify(edited)));
  return patch && typeof patch === 'object' && !Array.isArray(patch) ? patch : undefined;
}

/**
 * Each backend issue next to the field it names: the field whose path is the issue's or its deepest prefix
 * (`channels.email.digestRecipients.2` → the recipients box). Issues no field shows are returned apart.
 */
export function issuesByField(issues: readonly FieldIssue[], fields: readonly FieldSpec[]) {
  const byField: Record<string, string> = {};
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    const owner = fields
      .filter((field) => issue.field === field.path || issue.field?.startsWith(`${field.path}.`))
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (owner)
      byField[owner.path] = byField[owner.path] ? `${byField[owner.path]}; ${issue.message}` : issue.message;
    else unplaced.push(issue);
  }
  return { byField, unplaced };
}

function listOf(value: DraftValue): string[] {
  return String(value ?? '')
    .split(/[\n,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function valueAt(document: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (isContainer(node) ? node[key as never] : undefined), document);
}

/** Sets a dotted path in a copy being edited; `undefined` removes the key. */
function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node: Record<string, unknown> = target;
  for (const key of keys) {
    if (!isContainer(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function isContainer(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
