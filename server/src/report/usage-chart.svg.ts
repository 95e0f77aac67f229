// The report's usage chart: weekly medians of the main metric against the licence line, active users beside
// seats, and the dashed projection to the verdict's crossing — dates on x, values on y, both ticked.
import { dayNumber, isoDay } from '@ripe/shared';
import type { UsageChartData, UsagePoint } from '../night/usage-chart.ts';
import { escapeHtml } from './html.ts';

const width = 640;
const height = 240;
const pad = { left: 52, right: 20, top: 30, bottom: 46 };
const colours = { metric: '#1f6fb2', active: '#8a9499', limit: '#c0392b', grid: '#e6e8eb', axis: '#555' };
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const metricLabels: Record<string, string> = {
  seats_used: 'seats used',
  active_users: 'active users',
  consumption: 'consumption per month',
};

export interface UsageChartOptions {
  title: string;
  /** The night's day: marked "today" when the projection runs past it. */
  asOf: string;
  /** Active users as weekly medians, drawn beside seats. */
  activeUsers?: UsagePoint[];
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A step of 1, 2, 2.5 or 5 × 10^k giving about four intervals up to `max`. */
function niceStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10;
  return Math.max(step * power, 1);
}

/** First days of months inside [from, to], thinned to at most ~8 labels. */
function monthTicks(from: number, to: number): { day: number; label: string }[] {
  const ticks: { day: number; label: string }[] = [];
  const start = isoDay(from);
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  for (;;) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const day = dayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
    if (day > to) break;
    ticks.push({ day, label: months[month - 1] as string });
  }
  const every = Math.ceil(ticks.length / 8);
  const kept = ticks.filter((_, i) => i % every === 0);
  // the year where it changes, and on the first label
  return kept.map((tick, i) => {
    const year = isoDay(tick.day).slice(0, 4);
    const previous = kept[i - 1];
    return i === 0 || !previous || isoDay(previous.day).slice(0, 4) !== year
      ? { ...tick, label: `${tick.label} ${year}` }
      : tick;
  });
}

/** Segments of a weekly line, broken where a week is missing rather than drawn through a fake value. */
function linePath(
  points: readonly UsagePoint[],
  x: (day: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  let previous: number | null = null;
  for (const point of points) {
    const day = dayNumber(point.date);
    d += `${previous !== null && day - previous <= 7 ? 'L' : 'M'}${x(day).toFixed(1)},${y(point.value).toFixed(1)}`;
    previous = day;
  }
  return d;
}

/** The chart of `usageChartOf`'s data as an inline SVG. */
export function usageChartSvg(chart: UsageChartData, options: UsageChartOptions): string {
  const active = chart.metric === 'active_users' ? [] : (options.activeUsers ?? []);
  const first = chart.points[0];
  if (!first) return '';
  const today = dayNumber(options.asOf);
  const from = Math.min(dayNumber(first.date), today - 7);
  const to = Math.max(today, ...chart.projection.map((p) => dayNumber(p.date)));
  const values = [...chart.points, ...active, ...chart.projection].map((p) => p.value);
  const top = Math.max(1, (chart.limit ?? 0) * 1.1, ...values);
  const step = niceStep(top);
  const yMax = Math.ceil(top / step) * step;
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (day: number) => pad.left + ((day - from) / Math.max(1, to - from)) * plotW;
  const y = (value: number) => pad.top + plotH - (value / yMax) * plotH;
  const bottom = pad.top + plotH;

  const parts: string[] = [];
  for (let value = 0; value <= yMax + step / 2; value += step) {
    const at = y(value).toFixed(1);
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${at}" y2="${at}" stroke="${colours.grid}"/>`,
      `<text x="${pad.left - 6}" y="${at}" dy="4" text-anchor="end">${compact.format(value)}</text>`,
    );
  }
  for (const tick of monthTicks(from, to)) {
    const at = x(tick.day).toFixed(1);
    parts.push(
      `<line x1="${at}" x2="${at}" y1="${bottom}" y2="${bottom + 4}" stroke="${colours.axis}"/>`,
      `<text x="${at}" y="${bottom + 16}" text-anchor="middle">${tick.label}</text>`,
    );
  }
  parts.push(
    `<line x1="${pad.left}" x2="${width - pad.right}" y1="${bottom}" y2="${bottom}" stroke="${colours.axis}"/>`,
    `<line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${bottom}" stroke="${colours.axis}"/>`,
    `<text x="${pad.left + plotW / 2}" y="${height - 6}" text-anchor="middle">week ending (weekly median of daily values)</text>`,
    `<text transform="translate(13 ${pad.top + plotH / 2}) rotate(-90)" text-anchor="middle">${chart.unit === 'seats' ? 'seats / users' : 'volume per month'}</text>`,
  );

  if (chart.limit !== null) {
    const at = y(chart.limit).toFixed(1);
    const label =
      chart.unit === 'seats'
        ? `${whole.format(chart.limit)} seats licensed`
        : `commit ${whole.format(chart.limit)} / month`;
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${at}" y2="${at}" stroke="${colours.limit}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      `<text x="${width - pad.right - 4}" y="${at}" dy="-6" text-anchor="end" fill="${colours.limit}" font-weight="600">${label}</text>`,
    );
  }
  if (chart.projection.length > 0 && today < to) {
    const at = x(today).toFixed(1);
    parts.push(
      `<line x1="${at}" x2="${at}" y1="${pad.top}" y2="${bottom}" stroke="${colours.axis}" stroke-dasharray="2 3"/>`,
      `<text x="${at}" y="${pad.top - 4}" text-anchor="middle">today</text>`,
    );
  }
  if (active.length > 0) {
    parts.push(
      `<path d="${linePath(active, x, y)}" fill="none" stroke="${colours.active}" stroke-width="1.5"/>`,
    );
  }
  parts.push(
    `<path d="${linePath(chart.points, x, y)}" fill="none" stroke="${colours.metric}" stroke-width="2.2"/>`,
  );
  if (chart.projection.length > 1) {
    parts.push(
      `<path d="${chart.projection.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(dayNumber(p.date)).toFixed(1)},${y(p.value).toFixed(1)}`).join('')}" fill="none" stroke="${colours.metric}" stroke-width="2" stroke-dasharray="5 4"/>`,
    );
  }
  if (chart.crossingDate !== null) {
    const day = dayNumber(chart.crossingDate);
    if (day >= from && day <= to && chart.limit !== null) {
      const cx = x(day);
      const ahead = day > today;
      const label = ahead
        ? `limit reached ~${chart.crossingDate}`
        : `at the limit since ${chart.crossingDate}`;
      const anchor = cx > width - 160 ? 'end' : cx < pad.left + 120 ? 'start' : 'middle';
      parts.push(
        `<circle cx="${cx.toFixed(1)}" cy="${y(chart.limit).toFixed(1)}" r="4.5" fill="#fff" stroke="${colours.limit}" stroke-width="2"/>`,
        `<text x="${cx.toFixed(1)}" y="${(y(chart.limit) + 18).toFixed(1)}" text-anchor="${anchor}" fill="${colours.limit}" font-weight="600">${label}</text>`,
      );
    }
  }
  const legend = [
    `<rect x="${pad.left}" y="8" width="14" height="3" fill="${colours.metric}"/><text x="${pad.left + 18}" y="13">${metricLabels[chart.metric] ?? escapeHtml(chart.metric)}</text>`,
    ...(active.length > 0
      ? [
          `<rect x="${pad.left + 170}" y="8" width="14" height="3" fill="${colours.active}"/><text x="${pad.left + 188}" y="13">active users</text>`,
        ]
      : []),
    ...(chart.projection.length > 0
      ? [
          `<line x1="${pad.left + 290}" x2="${pad.left + 304}" y1="9.5" y2="9.5" stroke="${colours.metric}" stroke-width="2" stroke-dasharray="4 3"/><text x="${pad.left + 308}" y="13">projection</text>`,
        ]
      : []),
  ];
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}" font-family="system-ui, sans-serif" font-size="11" fill="${colours.axis}">
<title>${escapeHtml(options.title)}</title>
<rect x="0" y="0" width="${width}" height="${height}" fill="#fff"/>
${parts.join('\n')}
${legend.join('\n')}
</svg>`;
}
