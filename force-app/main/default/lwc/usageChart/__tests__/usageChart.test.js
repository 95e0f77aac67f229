import { createElement } from '@lwc/engine-dom';
import UsageChart from 'c/usageChart';
import { LABELS } from 'c/ripeLabels';

const points = [
  { date: '2026-03-09', value: 115 },
  { date: '2026-03-10', value: 117 },
  { date: '2026-03-11', value: 121 },
];

function mount(properties) {
  const element = createElement('c-usage-chart', { is: UsageChart });
  Object.assign(element, properties);
  document.body.appendChild(element);
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-usage-chart', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('draws the usage line, the last point and the licence line', () => {
    const element = mount({ points, limit: 120 });
    expect($(element, 'polyline').getAttribute('points').split(' ')).toHaveLength(3);
    expect($(element, 'line.licence-line')).not.toBeNull();
    expect($(element, 'circle.usage-last')).not.toBeNull();
    expect($(element, '.licence-legend').textContent).toBe(`${LABELS.licence}: 120`);
  });

  it('colours the line when usage passed the licence', () => {
    const element = mount({ points, limit: 120 });
    expect($(element, 'polyline').getAttribute('class')).toContain('usage-line_over');
  });

  it('describes the chart for a screen reader', () => {
    const element = mount({ points, limit: 120 });
    expect($(element, 'svg').getAttribute('role')).toBe('img');
    expect($(element, 'svg').getAttribute('aria-label')).toBe(
      LABELS.usageChart
        .replace('{0}', '2026-03-09')
        .replace('{1}', '2026-03-11')
        .replace('{2}', '121')
        .replace('{3}', '120'),
    );
  });

  it('draws no licence line without a licence', () => {
    const element = mount({ points, limit: null });
    expect($(element, 'line.licence-line')).toBeNull();
    expect($(element, 'polyline')).not.toBeNull();
  });

  it('says there is no usage history instead of an empty chart', () => {
    const element = mount({ points: [], limit: 120 });
    expect($(element, 'svg')).toBeNull();
    expect($(element, '[data-id="no-usage"]').textContent).toBe(LABELS.noUsage);
  });

  it('is accessible', async () => {
    const element = mount({ points, limit: 120 });
    await expect(element).toBeAccessible();
  });
});
