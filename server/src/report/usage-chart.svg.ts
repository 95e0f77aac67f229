import type { UsageChart } from '../night/top-opportunities.ts';
import { escapeHtml } from './html.ts';

const width = 560;
const height = 180;
const pad = { left: 40, right: 12, top: 14, bottom: 24 };

function path(values: (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false; // an outage breaks the line rather than drawing a fake zero
      return;
    }
    d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

/** Seats used and active users against the seats licensed, as an inline SVG. */
export function usageChartSvg(chart: UsageChart, title: string): string {
  const all = [...chart.seatsUsed, ...chart.activeUsers].filter((v): v is number => v !== null);
  const max = Math.max(chart.seatsLicensed * 1.15, ...all, 1);
  const n = Math.max(chart.seatsUsed.length, 2);
  const x = (i: number) => pad.left + (i / (n - 1)) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  const limitY = y(chart.seatsLicensed).toFixed(1);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}">
<rect x="0" y="0" width="${width}" height="${height}" fill="#fff"/>
<line x1="${pad.left}" x2="${width - pad.right}" y1="${limitY}" y2="${limitY}" stroke="#c0392b" stroke-dasharray="5 4"/>
<text x="${width - pad.right}" y="${Number(limitY) - 4}" text-anchor="end" font-size="11" fill="#c0392b">${chart.seatsLicensed} seats licensed</text>
<path d="${path(chart.activeUsers, x, y)}" fill="none" stroke="#95a5a6" stroke-width="1"/>
<path d="${path(chart.seatsUsed, x, y)}" fill="none" stroke="#2e86de" stroke-width="2"/>
<text x="${pad.left}" y="${height - 6}" font-size="11" fill="#555">${escapeHtml(chart.start)}</text>
<text x="${width - pad.right}" y="${height - 6}" font-size="11" fill="#555" text-anchor="end">today</text>
<text x="4" y="${y(0).toFixed(1)}" font-size="11" fill="#555">0</text>
<text x="${pad.left + 4}" y="${pad.top}" font-size="11" fill="#2e86de">seats used</text>
<text x="${pad.left + 80}" y="${pad.top}" font-size="11" fill="#7f8c8d">active users</text>
</svg>`;
}
