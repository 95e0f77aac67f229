// The expansion card on the company record: the night's verdict, the usage chart and the team's decision.
import {
  Alert,
  Button,
  Divider,
  EmptyState,
  ErrorState,
  Flex,
  LoadingSpinner,
  Text,
  hubspot,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import { useMemo } from 'react';
import { cardApi, type CardApi } from './api/card-api.ts';
import type { ScoredCard } from './api/card-contract.ts';
import { createRipeClient, type HubSpotFetch } from './api/ripe-client.ts';
import { useCardState } from './card-state.ts';
import { ApproachSection } from './components/ApproachSection.tsx';
import { DecisionPanel } from './components/DecisionPanel.tsx';
import { SignalList } from './components/SignalList.tsx';
import { UsageChart } from './components/UsageChart.tsx';
import { VerdictSummary } from './components/VerdictSummary.tsx';
import { formatters, type Formatters } from './format.ts';
import { errorText } from './i18n/error-text.ts';
import { cardMessages, type CardMessages } from './i18n/messages.ts';

hubspot.extend<'crm.record.tab'>(() => <ExpansionCard />);

interface Props {
  /** `hubspot.fetch` in HubSpot; a fake in tests. */
  fetcher?: HubSpotFetch;
}

export function ExpansionCard({ fetcher = hubspot.fetch }: Props) {
  const context = useExtensionContext<'crm.record.tab'>();
  const companyId = String(context.crm.objectId);
  const baseUrl = context.variables?.RIPE_PUBLIC_URL;
  const api = useMemo(
    () => cardApi(createRipeClient(fetcher, typeof baseUrl === 'string' ? baseUrl : undefined)),
    [fetcher, baseUrl],
  );
  const messages = cardMessages(context.user.locale);
  const format = formatters(context.user.locale);
  const { state, reload, decide } = useCardState(api, companyId);

  switch (state.status) {
    case 'loading':
      return <LoadingSpinner label={messages.loading} layout="centered" testId="card-loading" />;
    case 'never_scored':
      return (
        <EmptyState title={messages.neverScoredTitle} imageName="companies" testId="never-scored">
          <Text>{messages.neverScoredBody}</Text>
        </EmptyState>
      );
    case 'error':
      return (
        <ErrorState title={messages.errorTitle} testId="card-error">
          <Text>{errorText(messages, state.error)}</Text>
          <Button onClick={() => void reload()} testId="retry">
            {messages.retry}
          </Button>
        </ErrorState>
      );
    case 'stale':
    case 'scored':
      return (
        <Flex direction="column" gap="md">
          {state.status === 'stale' ? (
            <Alert title={messages.staleTitle} variant="warning" testId="stale">
              {messages.staleBody(format.dateTime(state.card.lastScoredAt))}
            </Alert>
          ) : null}
          <ScoredVerdict card={state.card} api={api} onDecided={decide} messages={messages} format={format} />
        </Flex>
      );
  }
}

interface ScoredProps {
  card: ScoredCard;
  api: CardApi;
  onDecided: Parameters<typeof DecisionPanel>[0]['onDecided'];
  messages: CardMessages;
  format: Formatters;
}

function ScoredVerdict({ card, api, onDecided, messages, format }: ScoredProps) {
  const { verdict } = card;
  return (
    <Flex direction="column" gap="md">
      <VerdictSummary verdict={verdict} messages={messages} format={format} />
      {card.usage ? <UsageChart usage={card.usage} messages={messages} format={format} /> : null}
      <Divider />
      <SignalList verdict={verdict} messages={messages} format={format} />
      <Divider />
      <ApproachSection verdict={verdict} messages={messages} />
      <Divider />
      <DecisionPanel
        api={api}
        companyId={card.companyId}
        decision={card.decision}
        currency={verdict.potential.currency}
        onDecided={onDecided}
        messages={messages}
        format={format}
      />
    </Flex>
  );
}
