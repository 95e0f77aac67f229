import { createElement } from '@lwc/engine-dom';
import ExpansionDecisionModal from 'c/expansionDecisionModal';
import { LABELS } from 'c/ripeLabels';

function mount(properties) {
  const element = createElement('c-expansion-decision-modal', { is: ExpansionDecisionModal });
  Object.assign(element, properties);
  document.body.appendChild(element);
  return element;
}

async function flushPromises() {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

function change(input, value) {
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-expansion-decision-modal', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  describe('adjust', () => {
    it("starts from Ripe's potential", () => {
      const element = mount({ mode: 'adjust', potential: 184000, currencyCode: 'EUR' });
      expect($(element, 'lightning-modal-header').label).toBe(LABELS.adjustTitle);
      const input = $(element, 'lightning-input');
      expect(input.value).toBe(184000);
      expect(input.required).toBe(true);
      expect($(element, 'lightning-textarea')).toBeNull();
    });

    it('closes with the new potential in whole units', async () => {
      const element = mount({ mode: 'adjust', potential: 184000 });
      change($(element, 'lightning-input'), '150000.4');
      await flushPromises();
      $(element, '[data-id="save"]').click();
      expect(element.closeResult).toEqual({ closed: true, result: { adjustedPotential: 150000 } });
    });

    it('refuses an empty or negative potential and says why', async () => {
      const element = mount({ mode: 'adjust', potential: 184000 });
      const input = $(element, 'lightning-input');
      const reportValidity = jest.spyOn(input, 'reportValidity');
      for (const value of ['', '-5']) {
        change(input, value);
        await flushPromises();
        $(element, '[data-id="save"]').click();
      }
      expect(reportValidity).toHaveBeenCalledTimes(2);
      expect(element.closeResult.closed).toBe(false);
    });
  });

  describe('reject', () => {
    it('asks for a reason of at most 255 characters', () => {
      const element = mount({ mode: 'reject' });
      expect($(element, 'lightning-modal-header').label).toBe(LABELS.rejectTitle);
      const textarea = $(element, 'lightning-textarea');
      expect(textarea.maxLength).toBe(255);
      expect(textarea.required).toBe(true);
    });

    it('closes with the reason, trimmed', async () => {
      const element = mount({ mode: 'reject' });
      change($(element, 'lightning-textarea'), '  Budget frozen until Q3 ');
      await flushPromises();
      $(element, '[data-id="save"]').click();
      expect(element.closeResult).toEqual({
        closed: true,
        result: { rejectionReason: 'Budget frozen until Q3' },
      });
    });

    it('refuses a blank reason', async () => {
      const element = mount({ mode: 'reject' });
      change($(element, 'lightning-textarea'), '   ');
      await flushPromises();
      $(element, '[data-id="save"]').click();
      expect(element.closeResult.closed).toBe(false);
    });
  });

  it('closes with nothing on Cancel', () => {
    const element = mount({ mode: 'reject' });
    $(element, '[data-id="cancel"]').click();
    expect(element.closeResult).toEqual({ closed: true, result: undefined });
  });

  it.each(['adjust', 'reject'])('is accessible in %s mode', async (mode) => {
    const element = mount({ mode, potential: 1000 });
    await expect(element).toBeAccessible();
  });
});
