import { useSyncExternalStore } from 'react';
import { en, type MessageKey } from './en';
import { textDirection } from './locale';
import type { Catalog, Message, PluralMessage } from './types';

type Params = Record<string, string | number>;

let activeLocale = 'en';
let activeCatalog: Catalog = en;
// Bumped whenever any catalog changes (the main one, or a lazily loaded one such as the order screens').
let version = 0;
const listeners = new Set<() => void>();

/** Switches the catalog; keys missing from it fall back to English. Subscribers re-render. */
export function setMessages(locale: string, catalog: Catalog): void {
  activeLocale = locale;
  activeCatalog = catalog;
  notifyMessagesChanged();
}

export function currentLocale(): string {
  return activeLocale;
}

/** Tells subscribers that some catalog changed, e.g. a lazily loaded one arrived. */
export function notifyMessagesChanged(): void {
  version += 1;
  listeners.forEach((listener) => listener());
}

export function subscribeMessages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The active locale, re-rendering the caller whenever the locale or any catalog changes. */
export function useLocale(): string {
  useSyncExternalStore(subscribeMessages, () => version);
  return activeLocale;
}

/** A number in the locale's digits and grouping (Persian digits for fa). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(activeLocale).format(value);
}

function pickPlural(message: PluralMessage, count: number): string {
  const form = new Intl.PluralRules(activeLocale).select(count) as keyof PluralMessage;
  return message[form] ?? message.other;
}

function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  // In right-to-left text a Latin name, an order code or "4.5 TON" is isolated (FSI…PDI), so its
  // own direction can't reorder the words around it: this also reaches Telegram's native buttons.
  const isolate = textDirection(activeLocale) === 'rtl';
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name]!;
    if (typeof value === 'number') return formatNumber(value);
    return isolate ? `\u2068${value}\u2069` : value;
  });
}

/** A message with its placeholders filled; plural messages need a numeric `count` param. */
export function formatMessage(message: Message, params?: Params): string {
  const template = typeof message === 'string' ? message : pickPlural(message, Number(params?.count ?? 0));
  return interpolate(template, params);
}

/** Translates a key; plural messages need a numeric `count` param. */
export function t(key: MessageKey, params?: Params): string {
  return formatMessage(activeCatalog[key] ?? en[key], params);
}
