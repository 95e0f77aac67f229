import { createElement } from '@lwc/engine-dom';
import ErrorPanel from 'c/errorPanel';
import { LABELS } from 'c/ripeLabels';

function mount(properties) {
  const element = createElement('c-error-panel', { is: ErrorPanel });
  Object.assign(element, properties);
  document.body.appendChild(element);
  return element;
}

async function flushPromises() {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

describe('c-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('says what went wrong and keeps the details folded', () => {
    const element = mount({
      friendlyMessage: 'Could not load',
      errors: { body: { message: 'Session expired' } },
    });
    expect($(element, 'friendly').textContent).toBe('Could not load');
    expect(element.shadowRoot.querySelector('[role="alert"]')).not.toBeNull();
    expect($(element, 'details')).toBeNull();
    expect($(element, 'toggle').label).toBe(LABELS.showDetails);
  });

  it('unfolds every message of the errors', async () => {
    const element = mount({
      friendlyMessage: 'Could not save',
      errors: [{ body: { message: 'Session expired' } }, new Error('Network down')],
    });
    $(element, 'toggle').click();
    await flushPromises();
    const items = [...$(element, 'details').querySelectorAll('li')].map((item) => item.textContent);
    expect(items).toEqual(['Session expired', 'Network down']);
    expect($(element, 'toggle').label).toBe(LABELS.hideDetails);
  });

  it('offers no details when the errors carry no message', () => {
    const element = mount({ friendlyMessage: 'Could not load', errors: undefined });
    expect($(element, 'toggle')).toBeNull();
  });

  it('is accessible', async () => {
    const element = mount({
      friendlyMessage: 'Could not load',
      errors: { body: { message: 'Session expired' } },
    });
    await expect(element).toBeAccessible();
  });
});
