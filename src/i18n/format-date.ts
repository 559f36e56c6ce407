import { currentLocale } from './i18n';

// Apart from i18n.ts so the first screen, which shows no dates, does not carry it.

/** Dates as the person's locale writes them (fa: the Solar Hijri calendar in Persian digits). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
