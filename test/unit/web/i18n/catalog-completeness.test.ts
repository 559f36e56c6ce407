// Every message catalog (src/i18n/<locale>[-<part>].ts) against English: same keys, every plural form
// the locale's Intl.PluralRules uses, the same placeholders, and every key used somewhere in src/.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DYNAMIC_KEYS } from '../../../../src/i18n/dynamic-keys';
import { LOCALES } from '../../../../src/i18n/supported-locales';
import type { Catalog, Message } from '../../../../src/i18n/types';

const SRC = join(import.meta.dirname, '../../../../src');
const CATALOG_FILE = /^(en|ru|fa|hi)(?:-([a-z]+))?\.ts$/;

const modules = import.meta.glob<Record<string, unknown>>(['../../../../src/i18n/{en,ru,fa,hi}.ts', '../../../../src/i18n/{en,ru,fa,hi}-*.ts'], {
  eager: true,
});

/** Catalogs by part ('' for en.ts's, 'orders', 'admin' …) and locale. */
function loadCatalogs(): Map<string, Map<string, Catalog>> {
  const parts = new Map<string, Map<string, Catalog>>();
  for (const [path, module] of Object.entries(modules)) {
    const match = CATALOG_FILE.exec(path.split('/').at(-1)!);
    if (!match) continue;
    const [, locale, part = ''] = match;
    const catalogs = Object.values(module).filter((value) => typeof value === 'object' && value !== null);
    expect(catalogs, `${path} exports exactly one catalog`).toHaveLength(1);
    if (!parts.has(part)) parts.set(part, new Map());
    parts.get(part)!.set(locale!, catalogs[0] as Catalog);
  }
  return parts;
}

const catalogs = loadCatalogs();
const partName = (part: string) => (part ? `${part} catalog` : 'main catalog');

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

function forms(message: Message): [string, string][] {
  return typeof message === 'string' ? [['text', message]] : Object.entries(message);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('message catalogs', () => {
  it('are found for the main part and the order screens, in English', () => {
    expect(catalogs.get('')?.has('en')).toBe(true);
    expect(catalogs.get('orders')?.has('en')).toBe(true);
  });

  for (const [part, byLocale] of catalogs) {
    const english = byLocale.get('en')!;

    describe(partName(part), () => {
      it.each(LOCALES.filter((l) => l !== 'en'))('exists in %s', (locale) => {
        expect(byLocale.has(locale), `src/i18n/${locale}${part ? `-${part}` : ''}.ts`).toBe(true);
      });

      it.each(LOCALES.filter((l) => l !== 'en'))('has exactly the English keys in %s', (locale) => {
        const translated = byLocale.get(locale) ?? {};
        const missing = Object.keys(english).filter((key) => !(key in translated));
        const extra = Object.keys(translated).filter((key) => !(key in english));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it.each([...LOCALES])('has every plural form %s uses, and no other', (locale) => {
        const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
        const problems: string[] = [];
        for (const [key, message] of Object.entries(byLocale.get(locale) ?? {})) {
          const isPlural = typeof english[key] === 'object';
          if (isPlural !== (typeof message === 'object')) problems.push(`${key}: plural in one language only`);
          else if (typeof message === 'object') {
            const have = Object.keys(message).sort();
            if (have.join() !== categories.join()) problems.push(`${key}: has ${have}, needs ${categories}`);
          }
        }
        expect(problems).toEqual([]);
      });

      it.each(LOCALES.filter((l) => l !== 'en'))('keeps the English placeholders and leaves nothing empty in %s', (locale) => {
        const problems: string[] = [];
        for (const [key, message] of Object.entries(byLocale.get(locale) ?? {})) {
          const wanted = forms(english[key] ?? '').flatMap(([, text]) => placeholders(text));
          for (const [form, text] of forms(message)) {
            if (text.trim() === '') problems.push(`${key}.${form} is empty`);
            const have = placeholders(text);
            // A plural form may spell its number out ("один"), so {count} alone may be left out.
            const unknown = have.filter((name) => !wanted.includes(name));
            const dropped = [...new Set(wanted)].filter((name) => name !== 'count' && !have.includes(name));
            if (unknown.length > 0 || dropped.length > 0) problems.push(`${key}.${form}: {${have}} vs English {${wanted}}`);
          }
        }
        expect(problems).toEqual([]);
      });
    });
  }

  it('write Persian with Persian letters and digits, not their Arabic look-alikes', () => {
    const problems: string[] = [];
    for (const [part, byLocale] of catalogs) {
      for (const [key, message] of Object.entries(byLocale.get('fa') ?? {})) {
        for (const [form, text] of forms(message)) {
          // Arabic yeh (U+064A) and kaf (U+0643) look alike but are different letters to search and sort.
          if (/[\u064a\u0643]/.test(text)) problems.push(`${partName(part)} ${key}.${form}: Arabic ي/ك`);
          // Persian digits are U+06F0–U+06F9; Arabic-Indic ones (U+0660–U+0669) differ in 4, 5 and 6.
          if (/[\u0660-\u0669]/.test(text)) problems.push(`${partName(part)} ${key}.${form}: Arabic-Indic digit`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('have no key that src/ never uses (dynamic keys are listed in src/i18n/dynamic-keys.ts)', () => {
    const code = sourceFiles(SRC)
      .filter((file) => !CATALOG_FILE.test(file.split('/').at(-1)!) && !file.endsWith('dynamic-keys.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const used = (key: string) => [`'${key}'`, `"${key}"`, `\`${key}\``].some((literal) => code.includes(literal));
    const unused: string[] = [];
    for (const [part, byLocale] of catalogs) {
      for (const key of Object.keys(byLocale.get('en')!)) {
        if (!used(key) && !DYNAMIC_KEYS.includes(key)) unused.push(`${partName(part)}: ${key}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('list only dynamic keys that exist in English', () => {
    const englishKeys = new Set([...catalogs.values()].flatMap((byLocale) => Object.keys(byLocale.get('en')!)));
    expect(DYNAMIC_KEYS.filter((key) => !englishKeys.has(key))).toEqual([]);
  });

  it('is checked against every catalog file in src/i18n', () => {
    const files = readdirSync(join(SRC, 'i18n')).filter((name) => CATALOG_FILE.test(name));
    const loaded = [...catalogs].flatMap(([part, byLocale]) => [...byLocale.keys()].map((l) => `${l}${part ? `-${part}` : ''}.ts`));
    expect(loaded.sort()).toEqual(files.sort());
  });
});
