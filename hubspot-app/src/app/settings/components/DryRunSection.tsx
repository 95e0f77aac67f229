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
import type { DryRunAnswer } from '../api/settings-contract.ts';
import type { ApiError } from '../api/ripe-client.ts';
import { messages } from '../i18n/messages.ts';

type DryRunState =
  | { step: 'idle' }
  | { step: 'running' }
  | { step: 'answered'; answer: DryRunAnswer }
  | { step: 'failed'; error: ApiError };

/** "What would tonight write?": a night that scores everything and writes nothing. */
export function DryRunSection({ api, onFinished }: { api: SettingsApi; onFinished: () => void }) {
  const [state, setState] = useState<DryRunState>({ step: 'idle' });
  const run = async () => {
    setState({ step: 'running' });
    const result = await api.dryRun();
    setState(
      result.ok ? { step: 'answered', answer: result.value } : { step: 'failed', error: result.error },
    );
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
      {state.step === 'failed' ? (
        <Alert title={messages.dryRunFailed} variant="error" testId="dry-run-failed">
          {messages.error(state.error)}
        </Alert>
      ) : null}
      {state.step === 'answered' ? <DryRunResult answer={state.answer} /> : null}
    </Flex>
  );
}

function DryRunResult({ answer }: { answer: DryRunAnswer }) {
  if (!('counts' in answer)) {
    return <Alert title={messages.dryRunStarted} variant="info" testId="dry-run-started" />;
  }
  const { counts, writes } = answer;
  return (
    <Flex direction="column" gap="xs" testId="dry-run-result">
      <Text testId="dry-run-writes">
        {messages.dryRunWrites(writes.accounts, writes.tasks, writes.history)}
      </Text>
      <Text variant="microcopy" testId="dry-run-counts">
        {messages.dryRunCounts(counts.accounts, counts.scored, counts.ready, counts.errors)}
      </Text>
      {answer.examples.length > 0 ? (
        <Table bordered testId="dry-run-examples">
          <TableHead>
            <TableRow>
              <TableHeader>{messages.company}</TableHeader>
              <TableHeader>{messages.readiness}</TableHeader>
              <TableHeader>{messages.changes}</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {answer.examples.map((example) => (
              <TableRow key={example.companyId}>
                <TableCell>{example.name}</TableCell>
                <TableCell>{example.readiness}</TableCell>
                <TableCell>{example.changes.join('; ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Flex>
  );
}
