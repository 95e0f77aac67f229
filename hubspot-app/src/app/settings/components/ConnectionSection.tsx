import { DescriptionList, DescriptionListItem, Flex, Heading, StatusTag, Text } from '@hubspot/ui-extensions';
import type { Connection } from '../api/settings-contract.ts';
import { messages } from '../i18n/messages.ts';

const variantOf = (status: string) =>
  status === 'connected' ? 'success' : status === 'not_connected' ? 'default' : 'danger';

/** Whether Ripe reaches this HubSpot account, since when, and with which scopes. */
export function ConnectionSection({ connection }: { connection: Connection }) {
  return (
    <Flex direction="column" gap="sm">
      <Heading>{messages.connection}</Heading>
      <Flex direction="row" gap="sm" align="center">
        <StatusTag variant={variantOf(connection.status)} testId="connection-status">
          {messages.connectionStatus[connection.status] ?? connection.status}
        </StatusTag>
        {connection.statusReason ? <Text testId="connection-reason">{connection.statusReason}</Text> : null}
      </Flex>
      <DescriptionList direction="row">
        <DescriptionListItem label={messages.portal}>
          <Text>{connection.portalId ?? '—'}</Text>
        </DescriptionListItem>
        <DescriptionListItem label={messages.connectedAt}>
          <Text>{connection.connectedAt ?? '—'}</Text>
        </DescriptionListItem>
      </DescriptionList>
      <Text variant="microcopy" testId="scopes">
        {`${messages.scopes}: ${connection.scopes.length > 0 ? connection.scopes.join(', ') : messages.noScopes}`}
      </Text>
    </Flex>
  );
}
