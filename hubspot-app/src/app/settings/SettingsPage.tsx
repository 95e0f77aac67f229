// The app's settings page: the connection, the org's settings, a dry run and the last runs.
import {
  Button,
  Divider,
  ErrorState,
  Flex,
  LoadingSpinner,
  Text,
  hubspot,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRipeClient, type ApiError, type HubSpotFetch } from './api/ripe-client.ts';
import { settingsApi } from './api/settings-api.ts';
import type { SettingsAnswer, SettingsDocument } from './api/settings-contract.ts';
import { ConnectionSection } from './components/ConnectionSection.tsx';
import { DryRunSection } from './components/DryRunSection.tsx';
import { RunsSection, type RunsState } from './components/RunsSection.tsx';
import { SettingsForm } from './components/SettingsForm.tsx';
import { messages } from './i18n/messages.ts';

hubspot.extend<'settings'>(() => <SettingsPage />);

type PageState =
  { step: 'loading' } | { step: 'loaded'; answer: SettingsAnswer } | { step: 'failed'; error: ApiError };

interface Props {
  /** `hubspot.fetch` in HubSpot; a fake in tests. */
  fetcher?: HubSpotFetch;
}

export function SettingsPage({ fetcher = hubspot.fetch }: Props) {
  const context = useExtensionContext<'settings'>();
  const baseUrl = context.variables?.RIPE_PUBLIC_URL;
  const api = useMemo(
    () => settingsApi(createRipeClient(fetcher, typeof baseUrl === 'string' ? baseUrl : undefined)),
    [fetcher, baseUrl],
  );
  const [page, setPage] = useState<PageState>({ step: 'loading' });
  const [runs, setRuns] = useState<RunsState>({ step: 'loading' });

  const load = useCallback(async () => {
    setPage({ step: 'loading' });
    const result = await api.load();
    setPage(result.ok ? { step: 'loaded', answer: result.value } : { step: 'failed', error: result.error });
    return result.ok;
  }, [api]);
  const loadRuns = useCallback(async () => {
    const result = await api.runs();
    setRuns(result.ok ? { step: 'loaded', runs: result.value } : { step: 'failed', error: result.error });
  }, [api]);

  // The runs are asked for once the settings answered: a portal Ripe does not know has none to show.
  const loadAll = useCallback(async () => {
    if (await load()) await loadRuns();
  }, [load, loadRuns]);

  useEffect(() => {
    void loadAll();
  }, [loadAll]);

  const saved = (settings: SettingsDocument) =>
    setPage((current) =>
      current.step === 'loaded' ? { step: 'loaded', answer: { ...current.answer, settings } } : current,
    );

  switch (page.step) {
    case 'loading':
      return <LoadingSpinner label={messages.loading} layout="centered" testId="settings-loading" />;
    case 'failed':
      return (
        <ErrorState title={messages.loadFailed} testId="settings-error">
          <Text>{messages.error(page.error)}</Text>
          <Button onClick={() => void loadAll()} testId="retry">
            {messages.retry}
          </Button>
        </ErrorState>
      );
    case 'loaded': {
      const { connection, settings } = page.answer;
      return (
        <Flex direction="column" gap="md">
          <ConnectionSection connection={connection} />
          {settings.updatedAt ? (
            <Text variant="microcopy" testId="last-saved">
              {messages.lastSaved(settings.updatedAt, settings.updatedBy)}
            </Text>
          ) : null}
          <Divider />
          <SettingsForm api={api} document={settings} onSaved={saved} />
          <Divider />
          <DryRunSection api={api} onFinished={() => void loadRuns()} />
          <Divider />
          <RunsSection state={runs} onRefresh={() => void loadRuns()} />
        </Flex>
      );
    }
  }
}
