import { chartGeometry, HEIGHT, WIDTH } from '../chartGeometry';

const points = [
  { date: '2026-03-03', value: 110 },
  { date: '2026-03-01', value: 100 },
  { date: '2026-03-05', value: 118 },
];

describe('chartGeometry', () => {
  it('draws nothing without a usable point', () => {
    expect(chartGeometry([], 120)).toBeNull();
    expect(chartGeometry([{ date: 'not a date', value: 3 }], 120)).toBeNull();
    expect(chartGeometry([{ date: '2026-03-01', value: null }], 120)).toBeNull();
  });

  it('orders points by date from left to right across the width', () => {
    const geometry = chartGeometry(points, 120);
    const xs = geometry.line.split(' ').map((pair) => Number(pair.split(',')[0]));
    expect(xs).toEqual([6, 160, 314]);
    expect(geometry.last.x).toBe(WIDTH - 6);
  });

  it('puts the licence above the usage with head room, and higher values higher up', () => {
    const geometry = chartGeometry(points, 120);
    const ys = geometry.line.split(' ').map((pair) => Number(pair.split(',')[1]));
    expect(ys[0]).toBeGreaterThan(ys[1]);
    expect(ys[1]).toBeGreaterThan(ys[2]);
    expect(geometry.limitY).toBeLessThan(ys[2]);
    expect(geometry.limitY).toBeGreaterThan(0);
    expect(geometry.overLimit).toBe(false);
  });

  it('flags usage at or over the licence', () => {
    expect(chartGeometry(points, 118).overLimit).toBe(true);
  });

  it('scales to the usage alone when the licence is unknown', () => {
    const geometry = chartGeometry(points, null);
    expect(geometry.limitY).toBeNull();
    expect(geometry.overLimit).toBe(false);
    expect(Math.min(...geometry.line.split(' ').map((pair) => Number(pair.split(',')[1])))).toBeGreaterThan(
      0,
    );
  });

  it('draws a single day in the middle of nowhere without dividing by zero', () => {
    const geometry = chartGeometry([{ date: '2026-03-01', value: 0 }], 0);
    expect(geometry.line).toBe(`6,${HEIGHT - 6}`);
  });
});
