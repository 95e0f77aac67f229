import { Flex, Heading, Text } from '@hubspot/ui-extensions';
import type { VerdictView } from '../api/card-contract.ts';
import type { Formatters } from '../format.ts';
import type { CardMessages } from '../i18n/messages.ts';

interface Props {
  verdict: VerdictView;
  messages: CardMessages;
  format: Formatters;
}

type Fact = VerdictView['signals'][number]['facts'][number];

/** The converging signals, then the contradictions, each with its facts and their dates. */
export function SignalList({ verdict, messages, format }: Props) {
  const factLine = (fact: Fact) => `${fact.text} (${fact.date ? format.day(fact.date) : messages.undated})`;
  return (
    <Flex direction="column" gap="sm">
      <Heading>{messages.signals}</Heading>
      {verdict.signals.length === 0 ? <Text>{messages.noSignals}</Text> : null}
      {verdict.signals.map((signal, index) => (
        <Flex direction="column" gap="flush" key={`signal-${index}`} testId={`signal-${index}`}>
          <Text format={{ fontWeight: 'demibold' }}>{signal.label}</Text>
          {signal.facts.map((fact, factIndex) => (
            <Text variant="microcopy" key={factIndex}>
              {factLine(fact)}
            </Text>
          ))}
        </Flex>
      ))}
      {verdict.contradictions.length > 0 ? <Heading>{messages.contradictions}</Heading> : null}
      {verdict.contradictions.map((contradiction, index) => (
        <Flex direction="column" gap="flush" key={`contradiction-${index}`} testId={`contradiction-${index}`}>
          <Text format={{ fontWeight: 'demibold' }}>
            {`${contradiction.label}: ${messages.effect[contradiction.effect] ?? contradiction.effect}`}
          </Text>
          {contradiction.facts.map((fact, factIndex) => (
            <Text variant="microcopy" key={factIndex}>
              {factLine(fact)}
            </Text>
          ))}
        </Flex>
      ))}
    </Flex>
  );
}
