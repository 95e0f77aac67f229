import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/ripeLabels';
import { chartGeometry, HEIGHT, WIDTH } from './chartGeometry';

/** A compact line of the main usage metric by day against the licence, drawn as SVG. */
export default class UsageChart extends LightningElement {
  /** Usage by day: `{ date: 'YYYY-MM-DD', value }`. */
  @api points = [];
  /** The licence (seats licensed, committed volume); none draws no licence line. */
  @api limit;

  labels = LABELS;
  viewBox = `0 0 ${WIDTH} ${HEIGHT}`;
  right = WIDTH;

  get geometry() {
    return chartGeometry(this.points ?? [], this.limit);
  }

  get hasPoints() {
    return this.geometry !== null;
  }

  get hasLimit() {
    return this.geometry?.limitY !== null && this.geometry?.limitY !== undefined;
  }

  get lineClass() {
    return this.geometry?.overLimit ? 'usage-line usage-line_over' : 'usage-line';
  }

  get sortedDates() {
    return (this.points ?? []).map((point) => point.date).sort();
  }

  get firstDate() {
    return this.sortedDates[0];
  }

  get lastDate() {
    const dates = this.sortedDates;
    return dates[dates.length - 1];
  }

  /** What the chart shows, for a screen reader: the period, the last value and the licence. */
  get description() {
    const last = (this.points ?? []).find((point) => point.date === this.lastDate);
    return format(LABELS.usageChart, [this.firstDate, this.lastDate, last?.value ?? '', this.limit ?? '—']);
  }
}

function format(template, values) {
  return values.reduce((text, value, index) => text.replace(`{${index}}`, String(value)), template);
}
