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
import type { Run } from '../api/settings-contract.ts';
import type { ApiError } from '../api/ripe-client.ts';
import { messages } from '../i18n/messages.ts';

export type RunsState =
  { step: 'loading' } | { step: 'loaded'; runs: Run[] } | { step: 'failed'; error: ApiError };

/** The last runs with their counts, their API calls against the allowance, and their errors. */
export function RunsSection({ state, onRefresh }: { state: RunsState; onRefresh: () => void }) {
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Heading>{messages.runs}</Heading>
        <Button size="xs" onClick={onRefresh} testId="refresh-runs">
          {messages.refresh}
        </Button>
      </Flex>
      {state.step === 'loading' ? <LoadingSpinner label={messages.runs} testId="runs-loading" /> : null}
      {state.step === 'failed' ? (
        <Alert title={messages.runsFailed} variant="error" testId="runs-failed">
          {messages.error(state.error)}
        </Alert>
      ) : null}
      {state.step === 'loaded' && state.runs.length === 0 ? (
        <Text testId="no-runs">{messages.noRuns}</Text>
      ) : null}
      {state.step === 'loaded' && state.runs.length > 0 ? (
        <Table bordered testId="runs">
          <TableHead>
            <TableRow>
              <TableHeader>{messages.started}</TableHeader>
              <TableHeader>{messages.kind}</TableHeader>
              <TableHeader>{messages.status}</TableHeader>
              <TableHeader>{messages.counts}</TableHeader>
              <TableHeader>{messages.apiCalls}</TableHeader>
              <TableHeader>{messages.errors}</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {state.runs.map((run) => (
              <TableRow key={run.id} testId={`run-${run.id}`}>
                <TableCell>{run.startedAt}</TableCell>
                <TableCell>{run.dryRun ? messages.dryRunKind : messages.nightKind}</TableCell>
                <TableCell>{run.failureReason ? messages.failure(run.failureReason) : run.status}</TableCell>
                <TableCell>{`${run.counts.accounts} (${run.counts.scored} / ${run.counts.ready})`}</TableCell>
                <TableCell>
                  {`${run.apiCalls} / ${run.apiCallLimit === null ? messages.noLimit : run.apiCallLimit}`}
                </TableCell>
                <TableCell>{errorsOf(run)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Flex>
  );
}

/** The count, then the first errors, each with its record and field. */
function errorsOf(run: Run): string {
  if (run.counts.errors === 0 && run.errors.length === 0) return '0';
  const first = run.errors
    .slice(0, 3)
    .map((error) => `${error.record} ${error.recordId} ${error.field}: ${error.message}`);
  return [String(run.counts.errors), ...first].join(' — ');
}
