import {
  DescriptionList,
  DescriptionListItem,
  Flex,
  Statistics,
  StatisticsItem,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import type { Readiness, VerdictView } from '../api/card-contract.ts';
import type { Formatters } from '../format.ts';
import type { CardMessages } from '../i18n/messages.ts';

const readinessVariant = {
  ready: 'success',
  nurture: 'info',
  caution: 'warning',
  not_ready: 'default',
} as const satisfies Record<Readiness, string>;

interface Props {
  verdict: VerdictView;
  messages: CardMessages;
  format: Formatters;
}

/** Readiness, the money (potential with its range, expected value), the probability, motion and window. */
export function VerdictSummary({ verdict, messages, format }: Props) {
  const { potential, window } = verdict;
  const money = (amount: number) => format.money(amount, potential.currency);
  const [low, high] = verdict.probabilityInterval;
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" gap="sm" align="center">
        <Tag variant={readinessVariant[verdict.readiness]} testId="readiness">
          {messages.readiness[verdict.readiness]}
        </Tag>
        <Text variant="microcopy">{messages.asOf(format.day(verdict.asOf))}</Text>
      </Flex>
      <Statistics>
        <StatisticsItem label={messages.potential} number={money(potential.arr)} testId="potential">
          <Text>{messages.potentialRange(money(potential.low), money(potential.high))}</Text>
        </StatisticsItem>
        <StatisticsItem
          label={messages.expectedValue}
          number={money(verdict.expectedValue)}
          testId="expected-value"
        />
        <StatisticsItem
          label={messages.probability}
          number={format.percent(verdict.probability)}
          testId="probability"
        >
          <Text>{messages.probabilityInterval(format.percent(low), format.percent(high))}</Text>
        </StatisticsItem>
        <StatisticsItem label={messages.score} number={verdict.score} testId="score" />
      </Statistics>
      <Text variant="microcopy">{potential.basis}</Text>
      <DescriptionList direction="row">
        <DescriptionListItem label={messages.motionLabel}>
          <Text testId="motion">
            {verdict.motion ? (messages.motion[verdict.motion] ?? verdict.motion) : messages.noMotion}
          </Text>
        </DescriptionListItem>
        <DescriptionListItem label={messages.window}>
          <Text testId="window">
            {window
              ? messages.windowRange(format.day(window.opensOn), format.day(window.closesOn))
              : messages.noWindow}
          </Text>
          {window?.limit && window.limitDate ? (
            <Text variant="microcopy">{messages.limitOn(window.limit, format.day(window.limitDate))}</Text>
          ) : null}
        </DescriptionListItem>
      </DescriptionList>
    </Flex>
  );
}
