import { useId } from 'react';
import { formatDate } from '../common/format-date';
import { tAdmin } from '../../../i18n/admin-i18n';
import { formatPrice, type MoneyCurrency } from '../../../ui/format-price';
import type { SalesDay } from '../common/admin-types';
import { indexOfMax, scaleBars } from './chart-scale';

const WIDTH = 320;
const HEIGHT = 140;
const AXIS = 18;

/**
 * Revenue per day as bars, drawn as inline SVG (no chart library: bundle). Read out as one image with a
 * title and a summary; the day-by-day numbers are in the table below it.
 */
export function RevenueChart({ days, currency }: { days: SalesDay[]; currency: MoneyCurrency }) {
  const id = useId();
  const heights = scaleBars(
    days.map((d) => d.revenueMinor),
    HEIGHT - AXIS - 4,
  );
  const best = indexOfMax(days.map((d) => d.revenueMinor));
  const slot = WIDTH / Math.max(days.length, 1);
  const barWidth = Math.max(slot * 0.7, 1);
  const first = days[0];
  const last = days.at(-1);
  const summary =
    best === -1
      ? tAdmin('admin.sales.chartEmpty')
      : tAdmin('admin.sales.chartSummary', { date: formatDate(days[best]!.date), amount: formatPrice(days[best]!.revenueMinor, currency) });

  return (
    <figure className="revenue-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="revenue-chart"
        preserveAspectRatio="none"
        className="revenue-chart__svg"
      >
        <title id={`${id}-title`}>
          {tAdmin('admin.sales.chartTitle', { from: first ? formatDate(first.date) : '', to: last ? formatDate(last.date) : '' })}
        </title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1="0" x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} className="revenue-chart__axis" />
        {days.map((day, i) => {
          const h = heights[i] ?? 0;
          return (
            <rect
              key={day.date}
              x={i * slot + (slot - barWidth) / 2}
              y={HEIGHT - AXIS - h}
              width={barWidth}
              height={h}
              rx={Math.min(2, barWidth / 2)}
              className={i === best ? 'revenue-chart__bar revenue-chart__bar--best' : 'revenue-chart__bar'}
            >
              <title>{`${formatDate(day.date)}: ${formatPrice(day.revenueMinor, currency)}`}</title>
            </rect>
          );
        })}
      </svg>
      {/* Dates as HTML, not SVG text: it keeps its size when the chart stretches, and flips in RTL. */}
      <figcaption className="revenue-chart__dates hint" aria-hidden="true">
        <span>{first && formatDate(first.date)}</span>
        <span>{last && formatDate(last.date)}</span>
      </figcaption>
    </figure>
  );
}
