import { describe, expect, it } from 'vitest';
import { fillSalesSeries, salesWindowStart, totalSales, utcDate } from '../../../functions/core/admin/sales-series';

const now = new Date('2026-03-02T23:59:59.999Z');

describe('salesWindowStart', () => {
  it.each([
    [1, '2026-03-02T00:00:00.000Z'],
    [2, '2026-03-01T00:00:00.000Z'],
    // 2026 is not a leap year: the day before March 1 is February 28.
    [3, '2026-02-28T00:00:00.000Z'],
    [30, '2026-02-01T00:00:00.000Z'],
  ])('starts a %i-day window at %s (UTC midnight)', (days, start) => {
    expect(salesWindowStart(now, days).toISOString()).toBe(start);
  });
});

describe('fillSalesSeries', () => {
  it('lists every day oldest first, today last, zeros for quiet days', () => {
    const series = fillSalesSeries([{ date: '2026-02-28', revenueMinor: 5n, orders: 1 }], now, 4);
    expect(series).toEqual([
      { date: '2026-02-27', revenueMinor: 0n, orders: 0 },
      { date: '2026-02-28', revenueMinor: 5n, orders: 1 },
      { date: '2026-03-01', revenueMinor: 0n, orders: 0 },
      { date: '2026-03-02', revenueMinor: 0n, orders: 0 },
    ]);
  });

  it('adds up two rows for one day and ignores days outside the window', () => {
    const series = fillSalesSeries(
      [
        { date: '2026-03-02', revenueMinor: 10n ** 18n, orders: 1 },
        { date: '2026-03-02', revenueMinor: 1n, orders: 2 },
        { date: '2026-01-01', revenueMinor: 99n, orders: 9 },
        { date: '2026-03-03', revenueMinor: 99n, orders: 9 },
      ],
      now,
      2,
    );
    expect(series).toEqual([
      { date: '2026-03-01', revenueMinor: 0n, orders: 0 },
      { date: '2026-03-02', revenueMinor: 10n ** 18n + 1n, orders: 3 },
    ]);
    expect(totalSales(series)).toEqual({ revenueMinor: 10n ** 18n + 1n, orders: 3 });
  });

  it('uses UTC dates whatever the instant', () => {
    expect(utcDate(new Date('2026-03-02T00:00:00+05:00'))).toBe('2026-03-01');
  });
});
