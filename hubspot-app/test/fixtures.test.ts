// The tests' backend answers are the answers docs/hubspot-app-api.md describes: each fixture parses with the
// app's contract and loses nothing in the parse (no key the contract does not know), and each fixture is used.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cardSchema, feedbackAnswerSchema } from '../src/app/cards/api/card-contract.ts';
import {
  dryRunStartedSchema,
  runPreviewSchema,
  runsAnswerSchema,
  settingsAnswerSchema,
  settingsDocumentSchema,
} from '../src/app/settings/api/settings-contract.ts';

const appDir = join(import.meta.dirname, '..', 'src', 'app');
// Ripe's one error body (docs/hubspot-app-api.md).
const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(z.object({ record: z.string(), recordId: z.string(), field: z.string(), message: z.string() }))
      .optional(),
  }),
});

const contracts: Record<string, z.ZodType> = {
  'cards/__fixtures__/card-scored.json': cardSchema,
  'cards/__fixtures__/card-stale.json': cardSchema,
  'cards/__fixtures__/card-never-scored.json': cardSchema,
  'cards/__fixtures__/feedback-approve.json': feedbackAnswerSchema,
  'cards/__fixtures__/feedback-adjust.json': feedbackAnswerSchema,
  'cards/__fixtures__/feedback-reject.json': feedbackAnswerSchema,
  'cards/__fixtures__/feedback-snooze.json': feedbackAnswerSchema,
  'cards/__fixtures__/error-not-connected.json': errorBody,
  'settings/__fixtures__/settings.json': settingsAnswerSchema,
  'settings/__fixtures__/settings-patched.json': settingsDocumentSchema,
  'settings/__fixtures__/settings-invalid.json': errorBody,
  'settings/__fixtures__/dry-run-started.json': dryRunStartedSchema,
  'settings/__fixtures__/dry-run-preview.json': runPreviewSchema,
  'settings/__fixtures__/runs.json': runsAnswerSchema,
};

describe("the tests' backend answers", () => {
  it.each(Object.entries(contracts))('%s is an answer of the documented shape', (path, contract) => {
    const fixture: unknown = JSON.parse(readFileSync(join(appDir, path), 'utf8'));
    const parsed = contract.safeParse(fixture);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toStrictEqual(fixture);
  });

  it('has a contract for every fixture', () => {
    const fixtures = ['cards', 'settings'].flatMap((folder) =>
      readdirSync(join(appDir, folder, '__fixtures__')).map((file) => `${folder}/__fixtures__/${file}`),
    );
    expect(fixtures.sort()).toEqual(Object.keys(contracts).sort());
  });

  it('documents a card whose every optional part is filled in', () => {
    const scored = cardSchema.parse(
      JSON.parse(readFileSync(join(appDir, 'cards/__fixtures__/card-scored.json'), 'utf8')),
    );
    expect(
      scored.state === 'scored' && scored.usage && scored.verdict.emailDraft && scored.verdict.window,
    ).toBeTruthy();
  });
});
