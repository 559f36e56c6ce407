import { en, type MessageKey } from './en';
import type { Catalog, Message, PluralMessage } from './types';

type Params = Record<string, string | number>;

let activeLocale = 'en';
let activeCatalog: Catalog = en;

/** Switches the catalog; keys missing from it fall back to English. */
export function setMessages(locale: string, catalog: Catalog): void {
  activeLocale = locale;
  activeCatalog = catalog;
}

export function currentLocale(): string {
  return activeLocale;
}

function pickPlural(message: PluralMessage, count: number): string {
  const form = new Intl.PluralRules(activeLocale).select(count) as keyof PluralMessage;
  return message[form] ?? message.other;
}

function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A message with its placeholders filled; plural messages need a numeric `count` param. */
export function formatMessage(message: Message, params?: Params): string {
  const template =
    typeof message === 'string' ? message : pickPlural(message, Number(params?.count ?? 0));
  return interpolate(template, params);
}

/** Translates a key; plural messages need a numeric `count` param. */
export function t(key: MessageKey, params?: Params): string {
  return formatMessage(activeCatalog[key] ?? en[key], params);
}

/** Dates as the person's locale writes them. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(activeLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
