import {
  Alert,
  Button,
  Flex,
  Heading,
  LoadingSpinner,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
} from '@hubspot/ui-extensions';
import { useState } from 'react';
import type { SettingsApi } from '../api/settings-api.ts';
import type { RunPreview } from '../api/settings-contract.ts';
import type { ApiError } from '../api/ripe-client.ts';
import { messages } from '../i18n/messages.ts';

type DryRunState =
  | { step: 'idle' }
  | { step: 'running' }
  | { step: 'still_running' }
  | { step: 'answered'; preview: RunPreview }
  | { step: 'failed'; error: ApiError }
  | { step: 'run_failed'; reason: string };

/** How often the page asks whether the dry run is done, and for how long (hubspot.fetch calls are short). */
export const dryRunPolling = { intervalMs: 2_000, attempts: 90 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * "What would tonight write?": starts a dry run (scores everything, writes nothing), waits for it in the last
 * runs, then shows what it would change.
 */
export function DryRunSection({ api, onFinished }: { api: SettingsApi; onFinished: () => void }) {
  const [state, setState] = useState<DryRunState>({ step: 'idle' });
  const run = async () => {
    setState({ step: 'running' });
    setState(await dryRun(api));
    // The run is recorded either way: the last runs show it.
    onFinished();
  };
  return (
    <Flex direction="column" gap="sm">
      <Heading>{messages.dryRun}</Heading>
      <Button onClick={() => void run()} disabled={state.step === 'running'} testId="dry-run">
        {messages.dryRunButton}
      </Button>
      {state.step === 'running' ? (
        <LoadingSpinner label={messages.dryRunRunning} showLabel testId="dry-run-running" />
      ) : null}
      {state.step === 'still_running' ? (
        <Alert title={messages.dryRunStarted} variant="info" testId="dry-run-started" />
      ) : null}
      {state.step === 'failed' ? (
        <Alert title={messages.dryRunFailed} variant="error" testId="dry-run-failed">
          {messages.error(state.error)}
        </Alert>
      ) : null}
      {state.step === 'run_failed' ? (
        <Alert title={messages.dryRunFailed} variant="error" testId="dry-run-failed">
          {state.reason}
        </Alert>
      ) : null}
      {state.step === 'answered' ? <DryRunResult preview={state.preview} /> : null}
    </Flex>
  );
}

async function dryRun(api: SettingsApi): Promise<DryRunState> {
  const started = await api.dryRun();
  if (!started.ok) return { step: 'failed', error: started.error };
  const { runId } = started.value;
  for (let attempt = 0; attempt < dryRunPolling.attempts; attempt += 1) {
    if (attempt > 0) await sleep(dryRunPolling.intervalMs);
    const runs = await api.runs();
    if (!runs.ok) return { step: 'failed', error: runs.error };
    const found = runs.value.find((item) => item.id === runId);
    if (!found || found.status === 'running') continue;
    if (found.status === 'failed') return { step: 'run_failed', reason: found.failureReason ?? '' };
    const preview = await api.preview(runId);
    return preview.ok
      ? { step: 'answered', preview: preview.value }
      : { step: 'failed', error: preview.error };
  }
  return { step: 'still_running' };
}

function DryRunResult({ preview }: { preview: RunPreview }) {
  return (
    <Flex direction="column" gap="xs" testId="dry-run-result">
      <Text testId="dry-run-writes">{messages.dryRunWrites(preview.changed, preview.newlyReady)}</Text>
      <Text variant="microcopy" testId="dry-run-counts">
        {messages.dryRunCounts(preview.scored)}
      </Text>
      {preview.examples.length > 0 ? (
        <Table bordered testId="dry-run-examples">
          <TableHead>
            <TableRow>
              <TableHeader>{messages.company}</TableHeader>
              <TableHeader>{messages.readiness}</TableHeader>
              <TableHeader>{messages.score}</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.examples.map((example) => (
              <TableRow key={example.companyId}>
                <TableCell>{example.name}</TableCell>
                <TableCell>{messages.dryRunMove(example.previousReadiness, example.readiness)}</TableCell>
                <TableCell>
                  {messages.dryRunMove(
                    example.previousScore === null ? null : Math.round(example.previousScore),
                    Math.round(example.score),
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Flex>
  );
}
