import { createElement } from '@lwc/engine-dom';
import ExpansionCard from 'c/expansionCard';
import LightningModal from 'lightning/modal';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { LABELS } from 'c/ripeLabels';

const mockRecord = require('./data/getRecord.json');
const mockNeverScored = require('./data/getRecordNeverScored.json');
const mockUsage = require('./data/getRelatedListRecords.json');

// The event ShowToastEvent dispatches (the stub does not export its name).
const TOAST_EVENT = 'lightning__showtoast';
const NOW = Date.parse('2026-03-12T09:00:00.000Z');
const DAY = 86_400_000;

function withFields(record, fields) {
  const copy = JSON.parse(JSON.stringify(record));
  for (const [name, value] of Object.entries(fields)) copy.fields[name] = { displayValue: null, value };
  return copy;
}

async function flushPromises() {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function mount() {
  const element = createElement('c-expansion-card', { is: ExpansionCard });
  element.recordId = mockRecord.id;
  document.body.appendChild(element);
  return element;
}

async function mountWith(record) {
  const element = mount();
  getRecord.emit(record);
  await flushPromises();
  return element;
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];

describe('c-expansion-card', () => {
  let toasts;
  const onToast = (event) => toasts.push(event.detail);

  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    toasts = [];
    document.addEventListener(TOAST_EVENT, onToast);
  });

  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    document.removeEventListener(TOAST_EVENT, onToast);
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  describe('states', () => {
    it('shows a spinner until the record arrives', () => {
      const element = mount();
      expect($(element, 'loading').querySelector('lightning-spinner').alternativeText).toBe(LABELS.loading);
      expect($(element, 'readiness')).toBeNull();
    });

    it('shows one error panel with the platform messages when the record cannot be read', async () => {
      const element = mount();
      getRecord.error({ message: 'You do not have access to the Account.' }, 403, 'Forbidden');
      await flushPromises();
      const panels = $$(element, 'c-error-panel');
      expect(panels).toHaveLength(1);
      expect(panels[0].friendlyMessage).toBe(LABELS.loadError);
      expect(panels[0].errors.body.message).toBe('You do not have access to the Account.');
      expect($(element, 'readiness')).toBeNull();
    });

    it('says the account was never scored when the night has not written it', async () => {
      const element = await mountWith(mockNeverScored);
      expect($(element, 'never-scored').textContent).toBe(LABELS.neverScored);
      expect($(element, 'approve')).toBeNull();
    });

    it('warns when the last scoring is older than the page allows', async () => {
      const element = await mountWith(
        withFields(mockRecord, { LastScoredAt__c: new Date(NOW - 9 * DAY).toISOString() }),
      );
      expect($(element, 'stale').textContent.trim()).toBe(LABELS.stale.replace('{0}', '9'));
      // The verdict is still there, only flagged.
      expect($(element, 'readiness').label).toBe(LABELS.values.ready);
    });

    it('does not warn about a verdict of last night, and says when it was scored', async () => {
      const element = await mountWith(mockRecord);
      expect($(element, 'stale')).toBeNull();
      expect($(element, 'last-scored').querySelector('lightning-relative-date-time').value).toBe(
        Date.parse(mockRecord.fields.LastScoredAt__c.value),
      );
    });
  });

  describe('the verdict', () => {
    it('shows readiness, motion and a status nobody set yet as new', async () => {
      const element = await mountWith(mockRecord);
      expect($(element, 'readiness').label).toBe(LABELS.values.ready);
      expect($(element, 'readiness').classList).toContain('slds-theme_success');
      expect($(element, 'motion').label).toBe(LABELS.values.seat_upsell);
      expect($(element, 'status').label).toBe(LABELS.values.new);
    });

    it('shows the potential with its range in the account currency, the expected value and the probability', async () => {
      const element = await mountWith(mockRecord);
      expect($(element, 'potential').value).toBe(184000);
      expect($(element, 'potential').currencyCode).toBe('EUR');
      const range = $(element, 'range').querySelectorAll('lightning-formatted-number');
      expect([...range].map((number) => number.value)).toEqual([142000, 236000]);
      expect($(element, 'expected-value').value).toBe(133124);
      expect($(element, 'probability').value).toBeCloseTo(0.7235);
      expect($(element, 'confidence').value).toBeCloseTo(0.64);
    });

    it('shows the probability with its interval', async () => {
      const element = await mountWith(mockRecord);
      const interval = $(element, 'probability-interval');
      expect(interval.textContent).toContain(LABELS.probabilityInterval);
      const ends = [...interval.querySelectorAll('lightning-formatted-number')];
      expect(ends.map((number) => number.formatStyle)).toEqual(['percent', 'percent']);
      expect(ends[0].value).toBeCloseTo(0.615);
      expect(ends[1].value).toBeCloseTo(0.81);
    });

    it('shows the probability alone when the night wrote no interval', async () => {
      const element = await mountWith(
        withFields(mockRecord, { ProbabilityLow__c: null, ProbabilityHigh__c: null }),
      );
      expect($(element, 'probability').value).toBeCloseTo(0.7235);
      expect($(element, 'probability-interval')).toBeNull();
    });

    it("uses the user's currency in a single-currency org", async () => {
      const record = JSON.parse(JSON.stringify(mockRecord));
      delete record.fields.CurrencyIsoCode;
      const element = await mountWith(record);
      expect($(element, 'potential').currencyCode).toBe('USD');
    });

    it('shows the window with its dates', async () => {
      const element = await mountWith(mockRecord);
      const dates = $(element, 'window').querySelectorAll('lightning-formatted-date-time');
      expect([...dates].map((date) => date.value)).toEqual(['2026-03-15', '2026-05-31']);
    });

    it('lists each converging signal with its fact and date', async () => {
      const element = await mountWith(mockRecord);
      const items = $(element, 'signals').querySelectorAll('li');
      expect(items).toHaveLength(3);
      const [first, second, third] = items;
      expect(first.querySelector('.slds-text-title_bold').textContent).toBe(
        'Seat utilisation above threshold',
      );
      expect(first.querySelectorAll('p')[1].textContent).toBe(
        'seats used against licensed, 30-day minimum — 0.98',
      );
      expect(first.querySelector('lightning-formatted-date-time').value).toBe('2026-03-11');
      expect(second.querySelectorAll('p')[1].textContent).toContain('onboarding the analytics team');
      // A signal without evidence is its label alone, without a date.
      expect(third.querySelector('.slds-text-title_bold').textContent).toBe('Licence tier limit reached');
      expect(third.querySelector('lightning-formatted-date-time')).toBeNull();
    });

    it('lists the contradictions with their dates', async () => {
      const element = await mountWith(mockRecord);
      const items = $(element, 'contradictions').querySelectorAll('li');
      expect(items).toHaveLength(1);
      expect(items[0].querySelector('.slds-text-title_bold').textContent).toBe('Open escalation');
      expect(items[0].querySelector('lightning-formatted-date-time').value).toBe('2026-03-02');
    });

    it('says so when nothing argues against it', async () => {
      const element = await mountWith(withFields(mockRecord, { Contradictions__c: null }));
      expect($(element, 'contradictions')).toBeNull();
      expect(element.shadowRoot.textContent).toContain(LABELS.noContradictions);
    });

    it('links the decision-maker to the contact', async () => {
      const element = await mountWith(mockRecord);
      const link = $(element, 'decision-maker');
      expect(link.textContent).toBe('Claire Martin');
      expect(link.href).toBe('https://www.example.com/');
      const click = new CustomEvent('click', { cancelable: true });
      link.dispatchEvent(click);
      expect(click.defaultPrevented).toBe(true);
    });

    it('shows the talk track and the next step apart', async () => {
      const element = await mountWith(mockRecord);
      const lines = $(element, 'approach').querySelectorAll('p');
      expect(lines[0].textContent).toBe('Open with the seat count: 118 of 120 seats used for 41 days.');
      expect($(element, 'next-step').textContent).toBe(
        'book a 30-minute call with Claire Martin before 15 April.',
      );
    });

    it('copies the approach to the clipboard', async () => {
      const writeText = jest.fn().mockResolvedValue(undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      const element = await mountWith(mockRecord);
      $(element, 'copy-approach').click();
      await flushPromises();
      expect(writeText).toHaveBeenCalledWith(mockRecord.fields.Approach__c.value);
      expect(toasts).toEqual([{ title: LABELS.copied, variant: 'success' }]);
    });

    it('shows the email draft: its subject apart, then the body with its line breaks', async () => {
      const element = await mountWith(mockRecord);
      expect($(element, 'email-subject').textContent).toBe(
        `${LABELS.emailSubject}:Northwind Analytics — 118 of 120 seats in use`,
      );
      const body = $(element, 'email-body').textContent;
      expect(body.startsWith('Hi Claire,\n\nYour team now uses 118 of its 120 seats')).toBe(true);
      expect(body.endsWith('Best,\nSam')).toBe(true);
      expect(body).not.toContain('Subject:');
    });

    it('shows a draft without a subject line as its body alone', async () => {
      const element = await mountWith(
        withFields(mockRecord, { EmailDraft__c: 'Hi Claire,\nShall we talk seats?' }),
      );
      expect($(element, 'email-subject')).toBeNull();
      expect($(element, 'email-body').textContent).toBe('Hi Claire,\nShall we talk seats?');
    });

    it('leaves the email draft out when the night wrote none', async () => {
      const element = await mountWith(withFields(mockRecord, { EmailDraft__c: null }));
      expect($(element, 'email-draft')).toBeNull();
      expect($(element, 'copy-email-draft')).toBeNull();
    });

    it('copies the email draft to the clipboard', async () => {
      const writeText = jest.fn().mockResolvedValue(undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      const element = await mountWith(mockRecord);
      expect($(element, 'copy-email-draft').label).toBe(LABELS.copyEmailDraft);
      $(element, 'copy-email-draft').click();
      await flushPromises();
      expect(writeText).toHaveBeenCalledWith(mockRecord.fields.EmailDraft__c.value);
      expect(toasts).toEqual([{ title: LABELS.emailDraftCopied, variant: 'success' }]);
    });

    it('shows the error panel when the clipboard refuses the copy', async () => {
      const writeText = jest.fn().mockRejectedValue(new Error('Document is not focused.'));
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      const element = await mountWith(mockRecord);
      $(element, 'copy-email-draft').click();
      await flushPromises();
      expect(element.shadowRoot.querySelector('c-error-panel').errors.message).toBe(
        'Document is not focused.',
      );
      expect(toasts).toEqual([]);
    });

    it('draws the usage of the related list against the licence', async () => {
      const element = await mountWith(mockRecord);
      getRelatedListRecords.emit(mockUsage);
      await flushPromises();
      const chart = element.shadowRoot.querySelector('c-usage-chart');
      expect(chart.limit).toBe(120);
      expect(chart.points).toHaveLength(7);
      expect(chart.points).toContainEqual({ date: '2026-03-11', value: 118 });
      expect(getRelatedListRecords.getLastConfig()).toEqual({
        parentRecordId: mockRecord.id,
        relatedListId: 'Product_Usage__r',
        fields: ['Product_Usage__c.Usage_Date__c', 'Product_Usage__c.Seats_Used__c'],
        sortBy: ['-Product_Usage__c.Usage_Date__c'],
        pageSize: 120,
      });
    });

    it('keeps the card when the usage object cannot be read', async () => {
      const element = await mountWith(mockRecord);
      getRelatedListRecords.error({ message: 'Invalid relatedListId' });
      await flushPromises();
      expect(element.shadowRoot.querySelector('c-usage-chart').points).toEqual([]);
      expect($$(element, 'c-error-panel')).toHaveLength(0);
    });

    it('asks for the licence and the decision-maker name as optional fields', async () => {
      await mountWith(mockRecord);
      expect(getRecord.getLastConfig().optionalFields).toEqual([
        { objectApiName: 'Account', fieldApiName: 'DecisionMaker__r.Name' },
        'Account.CurrencyIsoCode',
        'Account.Seats_Licensed__c',
      ]);
    });
  });

  describe('decisions', () => {
    it('approves: writes the status and shows it at once', async () => {
      const element = await mountWith(mockRecord);
      $(element, 'approve').click();
      await flushPromises();
      expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: mockRecord.id, Status__c: 'approved' } });
      expect($(element, 'status').label).toBe(LABELS.values.approved);
      expect(toasts).toEqual([{ title: LABELS.saved, variant: 'success' }]);
    });

    it('adjusts the potential through the modal', async () => {
      LightningModal.open = jest.fn().mockResolvedValue({ adjustedPotential: 150000 });
      const element = await mountWith(mockRecord);
      $(element, 'adjust').click();
      await flushPromises();
      expect(LightningModal.open).toHaveBeenCalledWith(
        expect.objectContaining({ mode: 'adjust', potential: 184000, currencyCode: 'EUR' }),
      );
      expect(updateRecord).toHaveBeenCalledWith({
        fields: { Id: mockRecord.id, Status__c: 'adjusted', AdjustedPotential__c: 150000 },
      });
      expect($(element, 'status').label).toBe(LABELS.values.adjusted);
      expect($(element, 'adjusted-potential').querySelector('lightning-formatted-number').value).toBe(150000);
    });

    it('writes nothing when the modal is closed without saving', async () => {
      LightningModal.open = jest.fn().mockResolvedValue(undefined);
      const element = await mountWith(mockRecord);
      $(element, 'adjust').click();
      $(element, 'reject').click();
      await flushPromises();
      expect(LightningModal.open).toHaveBeenCalledTimes(2);
      expect(updateRecord).not.toHaveBeenCalled();
    });

    it('rejects with the reason given in the modal', async () => {
      LightningModal.open = jest.fn().mockResolvedValue({ rejectionReason: 'Budget frozen until Q3' });
      const element = await mountWith(mockRecord);
      $(element, 'reject').click();
      await flushPromises();
      expect(LightningModal.open).toHaveBeenCalledWith(expect.objectContaining({ mode: 'reject' }));
      expect(updateRecord).toHaveBeenCalledWith({
        fields: { Id: mockRecord.id, Status__c: 'rejected', RejectionReason__c: 'Budget frozen until Q3' },
      });
      expect($(element, 'rejection-reason').textContent).toContain('Budget frozen until Q3');
    });

    it.each([
      ['twoWeeks', '2026-03-26'],
      ['month', '2026-04-11'],
      ['quarter', '2026-06-10'],
    ])('snoozes %s, until %s', async (choice, until) => {
      const element = await mountWith(mockRecord);
      $(element, 'snooze').dispatchEvent(new CustomEvent('select', { detail: { value: choice } }));
      await flushPromises();
      expect(updateRecord).toHaveBeenCalledWith({
        fields: { Id: mockRecord.id, Status__c: 'snoozed', SnoozedUntil__c: until },
      });
      expect($(element, 'snoozed-until').querySelector('lightning-formatted-date-time').value).toBe(until);
    });

    it('keeps the verdict and shows the error panel when the save fails', async () => {
      updateRecord.mockRejectedValueOnce({
        body: { output: { errors: [{ message: 'Insufficient access rights on cross-reference id' }] } },
      });
      const element = await mountWith(mockRecord);
      $(element, 'approve').click();
      await flushPromises();
      const panel = element.shadowRoot.querySelector('c-error-panel');
      expect(panel.friendlyMessage).toBe(LABELS.saveError);
      expect($(element, 'status').label).toBe(LABELS.values.new);
      expect($(element, 'readiness')).not.toBeNull();
      expect(toasts).toEqual([]);
    });

    it('shows what the record says once the wire brings the saved record back', async () => {
      const element = await mountWith(mockRecord);
      $(element, 'approve').click();
      await flushPromises();
      getRecord.emit(withFields(mockRecord, { Status__c: 'won' }));
      await flushPromises();
      expect($(element, 'status').label).toBe(LABELS.values.won);
    });
  });

  describe('accessibility', () => {
    it('is accessible with a verdict', async () => {
      const element = await mountWith(mockRecord);
      getRelatedListRecords.emit(mockUsage);
      await flushPromises();
      await expect(element).toBeAccessible();
    });

    it('is accessible when never scored', async () => {
      const element = await mountWith(mockNeverScored);
      await expect(element).toBeAccessible();
    });

    it('is accessible with an error', async () => {
      const element = mount();
      getRecord.error({ message: 'Unavailable' });
      await flushPromises();
      await expect(element).toBeAccessible();
    });
  });
});
