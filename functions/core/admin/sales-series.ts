/** One UTC day of sales. */
export interface SalesDay {
  date: string;
  revenueMinor: bigint;
  orders: number;
}

const DAY_MS = 86_400_000;

/** The UTC date `YYYY-MM-DD` of an instant. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Midnight UTC of the first day of a `days`-long window that ends with today (the day of `now`). */
export function salesWindowStart(now: Date, days: number): Date {
  const todayMidnight = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return new Date(todayMidnight - (days - 1) * DAY_MS);
}

/**
 * Every day of the window, oldest first and today last, with the days that sold nothing as zeros: a
 * chart needs the gaps. Rows outside the window are ignored; two rows for one day are added up.
 */
export function fillSalesSeries(rows: readonly SalesDay[], now: Date, days: number): SalesDay[] {
  const start = salesWindowStart(now, days).getTime();
  const series: SalesDay[] = Array.from({ length: days }, (_, i) => ({
    date: utcDate(new Date(start + i * DAY_MS)),
    revenueMinor: 0n,
    orders: 0,
  }));
  const byDate = new Map(series.map((day) => [day.date, day]));
  for (const row of rows) {
    const day = byDate.get(row.date);
    if (!day) continue;
    day.revenueMinor += row.revenueMinor;
    day.orders += row.orders;
  }
  return series;
}

/** The window's totals. */
export function totalSales(series: readonly SalesDay[]): { revenueMinor: bigint; orders: number } {
  return series.reduce((sum, day) => ({ revenueMinor: sum.revenueMinor + day.revenueMinor, orders: sum.orders + day.orders }), {
    revenueMinor: 0n,
    orders: 0,
  });
}
