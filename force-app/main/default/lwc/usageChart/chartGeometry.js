// The geometry of the usage chart, pure: points in, SVG coordinates out. The card draws it itself, no
// chart library at run time.

export const WIDTH = 320;
export const HEIGHT = 96;
const MARGIN = 6;
const DAY_MS = 86_400_000;
// Head room above the highest of usage and licence, so the licence line never sits on the edge.
const HEADROOM = 1.1;

/**
 * @param {{ date: string, value: number }[]} points usage by day, any order, `YYYY-MM-DD` dates
 * @param {number|null|undefined} limit the licence, when known
 * @returns {{ line: string, last: { x: number, y: number }, limitY: number|null, overLimit: boolean }|null}
 */
export function chartGeometry(points, limit) {
  const usable = points
    .filter((point) => Number.isFinite(point.value) && !Number.isNaN(Date.parse(point.date)))
    .sort((a, b) => a.date.localeCompare(b.date));
  if (usable.length === 0) return null;
  const hasLimit = Number.isFinite(limit) && limit > 0;
  const top = Math.max(...usable.map((point) => point.value), hasLimit ? limit : 0) * HEADROOM || 1;
  const first = Date.parse(usable[0].date);
  const span = Math.max((Date.parse(usable[usable.length - 1].date) - first) / DAY_MS, 1);
  const x = (date) => round(MARGIN + ((Date.parse(date) - first) / DAY_MS / span) * (WIDTH - 2 * MARGIN));
  const y = (value) => round(HEIGHT - MARGIN - (value / top) * (HEIGHT - 2 * MARGIN));
  const coordinates = usable.map((point) => ({ x: x(point.date), y: y(point.value) }));
  const lastPoint = usable[usable.length - 1];
  return {
    line: coordinates.map((point) => `${point.x},${point.y}`).join(' '),
    last: coordinates[coordinates.length - 1],
    limitY: hasLimit ? y(limit) : null,
    overLimit: hasLimit && lastPoint.value >= limit,
  };
}

function round(value) {
  return Math.round(value * 10) / 10;
}
