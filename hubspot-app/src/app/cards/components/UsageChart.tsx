import { Flex, LineChart, Text } from '@hubspot/ui-extensions';
import type { Usage } from '../api/card-contract.ts';
import type { Formatters } from '../format.ts';
import type { CardMessages } from '../i18n/messages.ts';
import { usageChartRows } from '../usage-chart.ts';

interface Props {
  usage: Usage;
  messages: CardMessages;
  format: Formatters;
}

/** The main usage metric against the plan limit, with the projection to the day it crosses it. */
export function UsageChart({ usage, messages, format }: Props) {
  return (
    <Flex direction="column" gap="xs">
      <LineChart
        testId="usage-chart"
        data={usageChartRows(usage, messages.usageSeries)}
        axes={{
          x: { field: 'date', fieldType: 'datetime', label: messages.date },
          y: { field: 'value', fieldType: 'linear', label: usage.unit },
          options: { groupFieldByColor: 'series' },
        }}
        options={{ title: messages.usageTitle(usage.metric), showLegend: true, showTooltips: true }}
      />
      <Text variant="microcopy" testId="crossing">
        {usage.crossingDate ? messages.crossing(format.day(usage.crossingDate)) : messages.noCrossing}
      </Text>
    </Flex>
  );
}
