import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  LineChart,
  LoadingSpinner,
  StatisticsItem,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { describe, expect, it } from 'vitest';
import neverScored from '../__fixtures__/card-never-scored.json';
import scored from '../__fixtures__/card-scored.json';
import stale from '../__fixtures__/card-stale.json';
import notConnected from '../__fixtures__/error-not-connected.json';
import { fakeFetch, ok, pendingFetch } from '../test-utils/fake-fetch.ts';
import { backendUrl, renderCard } from '../test-utils/render-card.tsx';
import { textOf } from '../test-utils/text-of.ts';

describe('the expansion card', () => {
  it('shows a spinner while the verdict loads', () => {
    const { find } = renderCard(pendingFetch());
    expect(find(LoadingSpinner).props.label).toBe('Loading the expansion verdict');
  });

  it("asks the backend for the record's company", async () => {
    const fetcher = fakeFetch(ok(neverScored));
    const { waitFor, find } = renderCard(fetcher);
    await waitFor(() => expect(find(EmptyState).props.title).toBe('Not scored yet'));
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(fetcher.mock.calls[0]?.[0]).toBe(`${backendUrl}/v1/hubspot/card?objectId=101`);
    expect(fetcher.mock.calls[0]?.[1]).toMatchObject({ method: 'GET' });
  });

  it('shows a scored verdict: readiness, money, probability, motion and window', async () => {
    const { waitFor, findByTestId, maybeFindByTestId } = renderCard(fakeFetch(ok(scored)));
    await waitFor(() => expect(findByTestId(Tag, 'readiness').text).toBe('Ready'));
    expect(maybeFindByTestId(Alert, 'stale')).toBeNull();
    expect(findByTestId(Tag, 'readiness').props.variant).toBe('success');
    const potential = findByTestId(StatisticsItem, 'potential');
    expect(potential.props.number).toBe('€24,000');
    expect(textOf(potential)).toContain('€18,000 to €31,000');
    expect(findByTestId(StatisticsItem, 'expected-value').props.number).toBe('€14,880');
    const probability = findByTestId(StatisticsItem, 'probability');
    expect(probability.props.number).toBe('62%');
    expect(textOf(probability)).toContain('between 51% and 72%');
    expect(findByTestId(StatisticsItem, 'score').props.number).toBe(78);
    expect(findByTestId(Text, 'motion').text).toBe('Seat upsell');
    expect(findByTestId(Text, 'window').text).toBe('Dec 1, 2026 to Jan 15, 2027');
  });

  it('lists the converging signals and the contradictions with their facts and dates', async () => {
    const { waitFor, findAll, getRootNode } = renderCard(fakeFetch(ok(scored)));
    await waitFor(() => expect(textOf(getRootNode())).toContain('Converging signals'));
    const text = textOf(getRootNode());
    expect(text).toContain('Seats at the licence');
    expect(text).toContain('48 of 50 seats used (Nov 29, 2026)');
    expect(text).toContain('"We are onboarding the Lyon office in January" (Nov 20, 2026)');
    expect(text).toContain('Open escalation: lowers the verdict');
    expect(text).toContain('Ticket about SSO outages still open (undated)');
    expect(findAll(Text, (node) => node.text === 'Seats at the licence')).toHaveLength(1);
  });

  it('shows the decision-maker, the approach and the email draft', async () => {
    const { waitFor, findByTestId } = renderCard(fakeFetch(ok(scored)));
    await waitFor(() => expect(findByTestId(Text, 'decision-maker').text).toBe('Dana Reyes, VP Operations'));
    expect(findByTestId(Text, 'approach').text).toContain('propose 10 seats before January');
    expect(findByTestId(Text, 'email-subject').text).toBe('Seats for the Lyon office');
    expect(findByTestId(Text, 'email-body').text).toContain('Your team uses 48 of its 50 seats');
  });

  it('draws the usage against the plan limit with the projected crossing', async () => {
    const { waitFor, findByTestId } = renderCard(fakeFetch(ok(scored)));
    await waitFor(() => expect(findByTestId(LineChart, 'usage-chart')).toBeDefined());
    const chart = findByTestId(LineChart, 'usage-chart');
    expect(chart.props.axes).toMatchObject({
      x: { field: 'date', fieldType: 'datetime' },
      y: { field: 'value', fieldType: 'linear' },
      options: { groupFieldByColor: 'series' },
    });
    const rows = Array.isArray(chart.props.data) ? chart.props.data : chart.props.data.data;
    expect(rows.filter((row) => row.series === 'Weekly median').map((row) => row.value)).toEqual([
      41, 44, 46, 48,
    ]);
    expect(rows.filter((row) => row.series === 'Projection')).toEqual([
      { date: '2026-11-29', value: 48, series: 'Projection' },
      { date: '2027-01-10', value: 50, series: 'Projection' },
    ]);
    expect(rows.filter((row) => row.series === 'Plan limit')).toEqual([
      { date: '2026-09-07', value: 50, series: 'Plan limit' },
      { date: '2027-01-10', value: 50, series: 'Plan limit' },
    ]);
    expect(findByTestId(Text, 'crossing').text).toBe('Projected to reach the limit on Jan 10, 2027.');
  });

  it('warns that a stale verdict is out of date and still shows it', async () => {
    const { waitFor, findByTestId, maybeFind } = renderCard(fakeFetch(ok(stale)));
    await waitFor(() => expect(findByTestId(Alert, 'stale').props.title).toBe('This verdict is out of date'));
    expect(findByTestId(Alert, 'stale').text).toContain('Nov 20, 2026');
    expect(findByTestId(Tag, 'readiness').text).toBe('Nurture');
    expect(findByTestId(Text, 'window').text).toBe('No window yet');
    expect(findByTestId(Text, 'motion').text).toBe('No motion yet');
    expect(findByTestId(Text, 'decision-maker').text).toBe('Not identified yet');
    expect(maybeFind(LineChart)).toBeNull();
  });

  it("shows the backend's refusal, and loads again on retry", async () => {
    const fetcher = fakeFetch({ status: 404, body: notConnected }, ok(scored));
    const { waitFor, find, findByTestId } = renderCard(fetcher);
    await waitFor(() => expect(find(ErrorState).props.title).toBe('The verdict could not be loaded'));
    expect(textOf(find(ErrorState))).toContain(
      'Ripe answered 404: This HubSpot account is not connected to Ripe',
    );
    findByTestId(Button, 'retry').trigger('onClick');
    await waitFor(() => expect(findByTestId(Tag, 'readiness').text).toBe('Ready'));
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('shows an answer of another shape as an error, not as a half-drawn card', async () => {
    const { waitFor, find } = renderCard(fakeFetch(ok({ state: 'scored', companyId: '101' })));
    await waitFor(() => expect(textOf(find(ErrorState))).toContain("Ripe's answer was not understood"));
  });

  it('says the backend URL is missing when the profile did not set RIPE_PUBLIC_URL, and calls nothing', async () => {
    const fetcher = fakeFetch();
    const { waitFor, find } = renderCard(fetcher, { variables: {} });
    await waitFor(() =>
      expect(textOf(find(ErrorState))).toContain('set RIPE_PUBLIC_URL in the project profile'),
    );
    expect(fetcher).not.toHaveBeenCalled();
  });

  it("speaks the user's language", async () => {
    const { waitFor, findByTestId } = renderCard(fakeFetch(ok(scored)), { locale: 'fr-fr' });
    await waitFor(() => expect(findByTestId(Tag, 'readiness').text).toBe('Prête'));
    expect(findByTestId(Text, 'motion').text).toBe('Licences supplémentaires');
  });
});
