import type { BacktestReport } from './backtest.ts';

const SIZE = 480;
const MARGIN = 56;
const PLOT = SIZE - 2 * MARGIN;
const BAR_ZONE = 60;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const px = (p: number) => (MARGIN + p * PLOT).toFixed(1);
const py = (p: number) => (MARGIN + (1 - p) * PLOT).toFixed(1);

/**
 * A standalone SVG reliability diagram: observed rate against mean predicted probability per bin, the
 * diagonal of perfect calibration, and bin counts as bars along the bottom.
 */
export function reliabilitySvg(report: BacktestReport): string {
  const bins = report.reliability.filter((bin) => bin.count > 0);
  const maxCount = Math.max(1, ...bins.map((bin) => bin.count));
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" font-family="sans-serif" font-size="11">`,
  );
  parts.push(`<rect width="${SIZE}" height="${SIZE}" fill="#ffffff"/>`);
  parts.push(
    `<text x="${SIZE / 2}" y="22" text-anchor="middle" font-size="13">${escapeXml(`Reliability — ${report.label} (AUC ${report.auc.toFixed(3)}, ECE ${report.ece.toFixed(3)})`)}</text>`,
  );
  for (let tick = 0; tick <= 5; tick++) {
    const p = tick / 5;
    parts.push(`<line x1="${px(p)}" y1="${py(0)}" x2="${px(p)}" y2="${py(1)}" stroke="#eeeeee"/>`);
    parts.push(`<line x1="${px(0)}" y1="${py(p)}" x2="${px(1)}" y2="${py(p)}" stroke="#eeeeee"/>`);
    parts.push(`<text x="${px(p)}" y="${Number(py(0)) + 16}" text-anchor="middle">${p.toFixed(1)}</text>`);
    parts.push(`<text x="${MARGIN - 8}" y="${Number(py(p)) + 4}" text-anchor="end">${p.toFixed(1)}</text>`);
  }
  parts.push(
    `<rect x="${MARGIN}" y="${MARGIN}" width="${PLOT}" height="${PLOT}" fill="none" stroke="#333333"/>`,
  );
  parts.push(
    `<line class="diagonal" x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}" stroke="#999999" stroke-dasharray="4 4"/>`,
  );
  for (const bin of bins) {
    const height = (bin.count / maxCount) * BAR_ZONE;
    const width = (bin.upper - bin.lower) * PLOT - 2;
    parts.push(
      `<rect class="count" x="${(Number(px(bin.lower)) + 1).toFixed(1)}" y="${(Number(py(0)) - height).toFixed(1)}" width="${width.toFixed(1)}" height="${height.toFixed(1)}" fill="#c6dbef"><title>${bin.count} rows</title></rect>`,
    );
    parts.push(
      `<text x="${px((bin.lower + bin.upper) / 2)}" y="${(Number(py(0)) - height - 3).toFixed(1)}" text-anchor="middle" font-size="9" fill="#555555">${bin.count}</text>`,
    );
  }
  if (bins.length > 0) {
    const points = bins.map((bin) => `${px(bin.meanPredicted)},${py(bin.observedRate)}`).join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="#08519c" stroke-width="2"/>`);
  }
  for (const bin of bins) {
    parts.push(
      `<circle class="bin" cx="${px(bin.meanPredicted)}" cy="${py(bin.observedRate)}" r="4" fill="#08519c"><title>predicted ${bin.meanPredicted.toFixed(3)}, observed ${bin.observedRate.toFixed(3)}, ${bin.count} rows</title></circle>`,
    );
  }
  parts.push(`<text x="${SIZE / 2}" y="${SIZE - 14}" text-anchor="middle">Mean predicted probability</text>`);
  parts.push(
    `<text x="16" y="${SIZE / 2}" text-anchor="middle" transform="rotate(-90 16 ${SIZE / 2})">Observed rate</text>`,
  );
  parts.push('</svg>');
  return parts.join('\n');
}
