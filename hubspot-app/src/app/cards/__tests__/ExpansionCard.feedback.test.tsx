import { Alert, Button, DateInput, NumberInput, Tag, Text, TextArea } from '@hubspot/ui-extensions';
import { describe, expect, it, vi } from 'vitest';
import scored from '../__fixtures__/card-scored.json';
import adjusted from '../__fixtures__/feedback-adjust.json';
import approved from '../__fixtures__/feedback-approve.json';
import rejected from '../__fixtures__/feedback-reject.json';
import snoozed from '../__fixtures__/feedback-snooze.json';
import { created, fakeFetch, ok } from '../test-utils/fake-fetch.ts';
import { fireChange } from '../test-utils/fire-change.ts';
import { backendUrl, renderCard } from '../test-utils/render-card.tsx';

const feedbackUrl = `${backendUrl}/v1/hubspot/card/feedback?objectId=101`;

/** The card of company 101 loaded, then the given answers to its feedback. */
async function loadedCard(...feedbackAnswers: Parameters<typeof fakeFetch>) {
  const fetcher = fakeFetch(ok(scored), ...feedbackAnswers);
  const renderer = renderCard(fetcher);
  await renderer.waitFor(() => expect(renderer.findByTestId(Tag, 'decision-status').text).toBe('New'));
  const sent = () => fetcher.mock.calls.slice(1).map(([url, options]) => ({ url, ...options }));
  return { ...renderer, fetcher, sent };
}

describe("the expansion card's buttons", () => {
  it('approve sends the approval and shows the decision the backend answered', async () => {
    const { findByTestId, waitFor, sent } = await loadedCard(created(approved));
    findByTestId(Button, 'approve').trigger('onClick');
    await waitFor(() => expect(findByTestId(Tag, 'decision-status').text).toBe('Approved'));
    expect(sent()).toEqual([
      { url: feedbackUrl, method: 'POST', timeout: 10_000, body: { kind: 'approve' } },
    ]);
    expect(findByTestId(Alert, 'feedback-sent').text).toBe('Approved: the company is marked for expansion.');
  });

  it('adjust asks for an amount first, then sends it', async () => {
    const { findByTestId, find, waitFor, sent } = await loadedCard(created(adjusted));
    findByTestId(Button, 'adjust').trigger('onClick');
    findByTestId(Button, 'send-feedback').trigger('onClick');
    expect(find(NumberInput).props.validationMessage).toBe('Enter the potential you expect, 0 or more.');
    expect(sent()).toEqual([]);
    fireChange(find(NumberInput), 18000);
    fireChange(find(TextArea), 'Only the Lyon office');
    findByTestId(Button, 'send-feedback').trigger('onClick');
    await waitFor(() => expect(findByTestId(Tag, 'decision-status').text).toBe('Adjusted'));
    expect(sent()[0]?.body).toEqual({
      kind: 'adjust',
      adjustedPotential: 18000,
      reason: 'Only the Lyon office',
    });
    expect(findByTestId(Text, 'decision-detail').text).toBe('Potential adjusted to €18,000');
  });

  it('reject is not sent without a reason', async () => {
    const { findByTestId, find, waitFor, sent } = await loadedCard(created(rejected));
    findByTestId(Button, 'reject').trigger('onClick');
    fireChange(find(TextArea), '   ');
    findByTestId(Button, 'send-feedback').trigger('onClick');
    expect(find(TextArea).props.error).toBe(true);
    expect(find(TextArea).props.validationMessage).toBe('Say why you reject this opportunity.');
    expect(sent()).toEqual([]);
    fireChange(find(TextArea), 'Budget frozen until Q3');
    findByTestId(Button, 'send-feedback').trigger('onClick');
    await waitFor(() => expect(findByTestId(Tag, 'decision-status').text).toBe('Rejected'));
    expect(sent()[0]?.body).toEqual({ kind: 'reject', reason: 'Budget frozen until Q3' });
    expect(findByTestId(Text, 'decision-detail').text).toBe('Rejected: Budget frozen until Q3');
  });

  it('snooze sends the day picked', async () => {
    const { findByTestId, find, waitFor, sent } = await loadedCard(created(snoozed));
    findByTestId(Button, 'snooze').trigger('onClick');
    findByTestId(Button, 'send-feedback').trigger('onClick');
    expect(find(DateInput).props.validationMessage).toBe('Pick the day the verdict comes back.');
    fireChange(find(DateInput), { year: 2027, month: 0, date: 15 });
    findByTestId(Button, 'send-feedback').trigger('onClick');
    await waitFor(() => expect(findByTestId(Tag, 'decision-status').text).toBe('Snoozed'));
    expect(sent()[0]?.body).toEqual({ kind: 'snooze', snoozedUntil: '2027-01-15' });
    expect(findByTestId(Text, 'decision-detail').text).toBe('Snoozed until Jan 15, 2027');
  });

  it('cancel closes the form without sending anything', async () => {
    const { findByTestId, maybeFind, sent } = await loadedCard();
    findByTestId(Button, 'reject').trigger('onClick');
    findByTestId(Button, 'cancel-feedback').trigger('onClick');
    expect(maybeFind(TextArea)).toBeNull();
    expect(findByTestId(Button, 'approve').text).toBe('Approve');
    expect(sent()).toEqual([]);
  });

  it('a refused answer keeps the decision as it was and says why', async () => {
    const forbidden = {
      error: { code: 'forbidden', message: 'This needs the member role or above in Ripe' },
    };
    const { findByTestId, waitFor } = await loadedCard({ status: 403, body: forbidden });
    findByTestId(Button, 'approve').trigger('onClick');
    await waitFor(() =>
      expect(findByTestId(Alert, 'feedback-failed').props.title).toBe('Your answer was not saved'),
    );
    expect(findByTestId(Alert, 'feedback-failed').text).toBe(
      'Ripe answered 403: This needs the member role or above in Ripe.',
    );
    expect(findByTestId(Tag, 'decision-status').text).toBe('New');
  });

  it('copies the email draft, subject and body, to the clipboard', async () => {
    const { findByTestId, mocks } = await loadedCard();
    findByTestId(Button, 'copy-email').trigger('onClick');
    // Copying changes nothing on the card: vitest's waitFor polls where the renderer's waits for a render.
    await vi.waitFor(() => expect(mocks.actions.addAlert.calls).toHaveLength(1));
    expect(mocks.actions.copyTextToClipboard.calls).toEqual([
      [
        'Seats for the Lyon office\n\nHi Dana,\n\nYour team uses 48 of its 50 seats. Shall we add the Lyon office before January?',
      ],
    ]);
    expect(mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({ type: 'success' });
  });
});
