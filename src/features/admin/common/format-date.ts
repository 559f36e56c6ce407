import { currentLocale } from '../../../i18n/i18n';

/** A calendar day ("2026-11-01", a UTC date from the API) as the locale writes it: "Nov 1". */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(currentLocale(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}
