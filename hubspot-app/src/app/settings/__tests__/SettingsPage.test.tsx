import {
  Alert,
  Button,
  ErrorState,
  Input,
  LoadingSpinner,
  NumberInput,
  StatusTag,
  Table,
  TableRow,
  Text,
  TextArea,
  Toggle,
} from '@hubspot/ui-extensions';
import { describe, expect, it } from 'vitest';
import { fakeFetch, ok, pendingFetch, type FakeAnswer } from '../../cards/test-utils/fake-fetch.ts';
import { fireChange } from '../../cards/test-utils/fire-change.ts';
import { textOf } from '../../cards/test-utils/text-of.ts';
import preview from '../__fixtures__/dry-run-preview.json';
import started from '../__fixtures__/dry-run-started.json';
import runs from '../__fixtures__/runs.json';
import invalid from '../__fixtures__/settings-invalid.json';
import patched from '../__fixtures__/settings-patched.json';
import settings from '../__fixtures__/settings.json';
import { backendUrl, renderSettings } from '../test-utils/render-settings.tsx';

/** The page loaded (settings, then runs), then the given answers. */
async function loadedPage(...answers: FakeAnswer[]) {
  const fetcher = fakeFetch(ok(settings), ok(runs), ...answers);
  const renderer = renderSettings(fetcher);
  await renderer.waitFor(() => expect(renderer.findByTestId(Table, 'runs')).toBeDefined());
  const requests = () =>
    fetcher.mock.calls.map(([url, options]) => ({ url, method: options?.method, body: options?.body }));
  return { ...renderer, fetcher, requests };
}

describe('the settings page', () => {
  it('shows a spinner while the settings load', () => {
    const { find } = renderSettings(pendingFetch());
    expect(find(LoadingSpinner).props.label).toBe('Loading the settings');
  });

  it('shows the connection, its scopes, and every setting in its field', async () => {
    const { findByTestId, find, requests } = await loadedPage();
    expect(requests()).toEqual([
      { url: `${backendUrl}/v1/hubspot/settings`, method: 'GET', body: undefined },
      { url: `${backendUrl}/v1/hubspot/runs?limit=10`, method: 'GET', body: undefined },
    ]);
    expect(findByTestId(StatusTag, 'connection-status').text).toBe('Connected');
    expect(findByTestId(Text, 'scopes').text).toBe(
      'Scopes granted: oauth, crm.objects.companies.read, crm.objects.companies.write, crm.objects.contacts.read',
    );
    expect(find(Input, { name: 'fieldMapping.seatsLicensed' }).props.value).toBe('ripe_seats_licensed');
    expect(find(Input, { name: 'fieldMapping.arr' }).props.value).toBe('');
    expect(find(NumberInput, { name: 'rules.composite.readyScore' }).props.value).toBe(60);
    expect(find(NumberInput, { name: 'rules.rules.seatUtilisation.threshold' }).props.value).toBe(0.8);
    expect(find(NumberInput, { name: 'priceBook.tiers.1.seatPrice' }).props.label).toBe(
      'Business: seat price a year',
    );
    expect(find(NumberInput, { name: 'priceBook.tiers.1.seatPrice' }).props.value).toBe(480);
    expect(findByTestId(Text, 'price-book-currency').text).toBe('Prices in EUR');
    expect(find(Toggle).props.checked).toBe(true);
    expect(find(Input, { name: 'schedule.timeOfDay' }).props.value).toBe('02:30');
    expect(find(Input, { name: 'schedule.timeZone' }).props.value).toBe('Europe/Paris');
    expect(find(TextArea, { name: 'channels.email.digestRecipients' }).props.value).toBe(
      'cs-lead@acme.example',
    );
    expect(find(Input, { name: 'channels.slack.webhookUrl' }).props.description).toBe(
      'Configured: type a new URL to replace it',
    );
    expect(find(Input, { name: 'channels.teams.webhookUrl' }).props.description).toBe('Not configured');
    expect(find(NumberInput, { name: 'sync.apiBudgetShare' }).props.value).toBe(0.2);
  });

  it('saves a changed threshold as a merge patch of that field alone', async () => {
    const { find, findByTestId, waitFor, requests } = await loadedPage(ok(patched));
    fireChange(find(NumberInput, { name: 'rules.composite.readyScore' }), 65);
    findByTestId(Button, 'save').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'saved').props.title).toBe('Settings saved'));
    expect(requests()[2]).toEqual({
      url: `${backendUrl}/v1/hubspot/settings`,
      method: 'PATCH',
      body: { rules: { composite: { readyScore: 65 } } },
    });
    expect(findByTestId(Text, 'last-saved').text).toBe(
      'Last saved 2026-12-01T09:00:00.000Z by admin@acme.example',
    );
  });

  it('sends the schedule, a tier price, a cleared mapping, the recipients and a webhook URL as merge patch', async () => {
    const { find, findByTestId, waitFor, requests } = await loadedPage(ok(patched));
    fireChange(find(Input, { name: 'fieldMapping.tier' }), '');
    fireChange(find(NumberInput, { name: 'priceBook.tiers.0.seatPrice' }), 250);
    fireChange(
      find(TextArea, { name: 'channels.email.digestRecipients' }),
      'cs-lead@acme.example\nvp-cs@acme.example',
    );
    fireChange(
      find(Input, { name: 'channels.teams.webhookUrl' }),
      'https://acme.webhook.office.com/webhookb2/abc',
    );
    fireChange(find(Toggle), false);
    findByTestId(Button, 'save').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'saved')).toBeDefined());
    const body = requests()[2]?.body as Record<string, unknown>;
    expect(body).toEqual({
      fieldMapping: { tier: null },
      priceBook: {
        tiers: [
          { ...settings.settings.priceBook.tiers[0], seatPrice: 250 },
          settings.settings.priceBook.tiers[1],
        ],
      },
      schedule: null,
      channels: {
        email: { digestRecipients: ['cs-lead@acme.example', 'vp-cs@acme.example'] },
        teams: { webhookUrl: 'https://acme.webhook.office.com/webhookb2/abc' },
      },
    });
  });

  it("shows each of the backend's issues next to its field", async () => {
    const { find, findByTestId, waitFor } = await loadedPage({ status: 400, body: invalid });
    fireChange(find(NumberInput, { name: 'rules.composite.nurtureScore' }), 70);
    findByTestId(Button, 'save').trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(Alert, 'save-failed').props.title).toBe('The settings were not saved'),
    );
    const nurture = find(NumberInput, { name: 'rules.composite.nurtureScore' });
    expect(nurture.props.error).toBe(true);
    expect(nurture.props.validationMessage).toBe('must be below rules.composite.readyScore (30)');
    expect(find(Input, { name: 'schedule.timeZone' }).props.validationMessage).toBe(
      'must be an IANA time zone such as Europe/Paris',
    );
    expect(find(TextArea, { name: 'channels.email.digestRecipients' }).props.validationMessage).toBe(
      'must be an email address',
    );
    expect(find(NumberInput, { name: 'rules.composite.readyScore' }).props.error).toBe(false);
    expect(find(NumberInput, { name: 'rules.composite.readyScore' }).props.validationMessage).toBeUndefined();
    expect(findByTestId(Alert, 'save-failed').text).toBe(
      'Ripe answered 400: The settings are invalid. Fix the fields marked below.',
    );
  });

  it('sends nothing when nothing changed', async () => {
    const { findByTestId, requests } = await loadedPage();
    findByTestId(Button, 'save').trigger('onClick');
    expect(findByTestId(Alert, 'unchanged').props.title).toBe('Nothing to save: no value changed.');
    expect(requests()).toHaveLength(2);
  });

  it('answers "what would tonight write?": starts a dry run, waits for it, shows what it would change', async () => {
    const { findByTestId, waitFor, requests } = await loadedPage(
      { status: 202, body: started },
      ok(runs),
      ok(preview),
      ok(runs),
    );
    findByTestId(Button, 'dry-run').trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(Text, 'dry-run-writes').text).toBe(
        "Tonight would update Ripe's properties on 12 companies and create 3 tasks for the CSMs.",
      ),
    );
    expect(findByTestId(Text, 'dry-run-counts').text).toBe(
      '118 companies scored as tonight would; nothing was written.',
    );
    const examples = textOf(findByTestId(Table, 'dry-run-examples'));
    expect(examples).toContain('Acme Robotics\nnurture → ready\n61 → 78');
    expect(examples).toContain('Initech\nnew: nurture\nnew: 48');
    expect(
      requests()
        .slice(2)
        .map((request) => [request.method, request.url]),
    ).toEqual([
      ['POST', `${backendUrl}/v1/hubspot/dry-run`],
      ['GET', `${backendUrl}/v1/hubspot/runs?limit=10`],
      ['GET', `${backendUrl}/v1/hubspot/runs/5f0c7a52-8d7e-4d43-9b1f-2f9a3c1e6b10/preview`],
      ['GET', `${backendUrl}/v1/hubspot/runs?limit=10`],
    ]);
  });

  it('says why when the dry run itself failed, and asks for no preview', async () => {
    const failedRuns = runs.map((run) =>
      run.id === started.runId
        ? { ...run, status: 'failed', failureReason: 'HubSpot refused the token' }
        : run,
    );
    const { findByTestId, waitFor, requests } = await loadedPage(
      { status: 202, body: started },
      ok(failedRuns),
      ok(runs),
    );
    findByTestId(Button, 'dry-run').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'dry-run-failed').props.title).toBe('The dry run failed'));
    expect(textOf(findByTestId(Alert, 'dry-run-failed'))).toContain('HubSpot refused the token');
    expect(requests().map((request) => request.url)).not.toContain(
      `${backendUrl}/v1/hubspot/runs/${started.runId}/preview`,
    );
  });

  it('lists the last runs with their API usage, failures and errors', async () => {
    const { findByTestId } = await loadedPage();
    const dry = textOf(findByTestId(TableRow, 'run-5f0c7a52-8d7e-4d43-9b1f-2f9a3c1e6b10'));
    expect(dry).toContain('dry run');
    expect(dry).toContain('120 (118 / 3)');
    expect(dry).toContain('46 / 500000');
    expect(dry).toContain('2 — account 205 contract.seatsLicensed: expected a number, got "fifty"');
    const failed = textOf(findByTestId(TableRow, 'run-0b6f3d9e-21a4-4c8e-a1d2-7c5e9f8b3a21'));
    expect(failed).toContain('Failed: HubSpot refused the token: reconnect');
    expect(failed).toContain('3 / no limit known');
  });

  it("shows the backend's refusal to load, and loads again on retry", async () => {
    const forbidden = {
      error: { code: 'not_found', message: 'This HubSpot account is not connected to Ripe' },
    };
    const fetcher = fakeFetch({ status: 404, body: forbidden }, ok(settings), ok(runs));
    const { find, findByTestId, waitFor } = renderSettings(fetcher);
    await waitFor(() => expect(find(ErrorState).props.title).toBe('The settings could not be loaded'));
    expect(textOf(find(ErrorState))).toContain(
      'Ripe answered 404: This HubSpot account is not connected to Ripe.',
    );
    findByTestId(Button, 'retry').trigger('onClick');
    await waitFor(() => expect(findByTestId(StatusTag, 'connection-status').text).toBe('Connected'));
  });
});
