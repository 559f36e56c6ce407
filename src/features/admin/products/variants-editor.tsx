// A product's options and variants (issue #12): up to 3 options, "generate combinations", then a row
// per variant with its SKU, price override, stock, picture and an on/off switch; saved in one PUT.
import { currentLocale } from '../../../i18n/i18n';
import { exampleAmount } from '../common/money-input';
import { useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { ApiError } from '../../../platform/api-client';
import { useResourceCache } from '../../../platform/services';
import { useAdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { useToast } from '../common/toast';
import { saveVariants } from './api';
import type { MoneyCurrency } from '../../../domain/format-money';
import {
  generateCombinations,
  MAX_OPTIONS,
  namedOptions,
  readVariants,
  rowFitsOptions,
  rowsForOptions,
  type AdminVariant,
  type OptionDraft,
  type VariantRow,
} from './variants-draft';

const SERVER_ERRORS: Record<string, 'admin.variants.error.stockPerVariant' | 'admin.variants.error.skuTaken' | 'admin.variants.error.invalid'> = {
  STOCK_IS_PER_VARIANT: 'admin.variants.error.stockPerVariant',
  SKU_TAKEN: 'admin.variants.error.skuTaken',
  VARIANTS_INVALID: 'admin.variants.error.invalid',
};

export function VariantsEditor({
  productId,
  options: initialOptions,
  variants,
  shop,
  productCurrency,
}: {
  productId: string;
  options: { name: string; values: string[] }[];
  variants: AdminVariant[];
  /** The shop's pricing currency: what the price overrides are typed in. */
  shop: MoneyCurrency;
  /** What the product's saved prices count. */
  productCurrency: MoneyCurrency;
}) {
  const api = useAdminApi();
  const cache = useResourceCache();
  const toast = useToast();
  const [options, setOptions] = useState<OptionDraft[]>(() => initialOptions.map((o) => ({ name: o.name, values: o.values.join(', ') })));
  const [rows, setRows] = useState<VariantRow[]>(() => rowsForOptions(initialOptions, variants, shop, productCurrency));
  const [problem, setProblem] = useState<string | null>(null);
  const [badCell, setBadCell] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setOption = (index: number, patch: Partial<OptionDraft>) => setOptions((all) => all.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  const setRow = (index: number, patch: Partial<VariantRow>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  // A row the options as typed no longer name (a value removed or renamed, before "generate") is not
  // shown, as saving would not send it; it stays in `rows`, so typing the value back brings it back.
  const named = namedOptions(options);

  const save = async () => {
    const read = readVariants(options, rows, shop);
    if (!read.ok) {
      setBadCell(`${read.row}:${read.field}`);
      return setProblem(
        tAdmin(read.field === 'price' ? 'admin.variants.error.price' : 'admin.variants.error.stock', {
          currency: shop,
          example: exampleAmount(shop, currentLocale()),
        }),
      );
    }
    setBadCell(null);
    setProblem(null);
    setBusy(true);
    try {
      const saved = await saveVariants(api, productId, read.body);
      setRows(rowsForOptions(saved.options ?? [], saved.variants as AdminVariant[], shop, saved.currency ?? productCurrency));
      cache.invalidate(adminKeys.products);
      cache.invalidate('catalog');
      toast(tAdmin('admin.variants.saved'));
    } catch (caught) {
      const key = caught instanceof ApiError ? SERVER_ERRORS[caught.code] : undefined;
      setProblem(
        key
          ? `${tAdmin(key)} ${caught instanceof ApiError ? caught.message : ''}`
          : caught instanceof ApiError && caught.status < 500
            ? caught.message
            : tAdmin('admin.error.saveFailed'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card admin-card" data-testid="variants-editor" aria-labelledby="variants-title">
      <h2 id="variants-title" className="card__title">
        {tAdmin('admin.variants.title')}
      </h2>
      {options.map((option, index) => (
        <div key={index} className="admin-variants__option">
          <input
            className="input"
            aria-label={tAdmin('admin.variants.optionName')}
            placeholder={tAdmin('admin.variants.optionName')}
            data-testid={`option-name-${index}`}
            value={option.name}
            onChange={(e) => setOption(index, { name: e.target.value })}
          />
          <input
            className="input"
            aria-label={tAdmin('admin.variants.optionValues')}
            placeholder={tAdmin('admin.variants.optionValues')}
            data-testid={`option-values-${index}`}
            value={option.values}
            onChange={(e) => setOption(index, { values: e.target.value })}
          />
          <button type="button" className="button button--destructive-text" onClick={() => setOptions((all) => all.filter((_, i) => i !== index))}>
            {tAdmin('admin.variants.removeOption')}
          </button>
        </div>
      ))}
      <div className="admin-actions__buttons">
        {options.length < MAX_OPTIONS && (
          <button type="button" className="button" data-testid="add-option" onClick={() => setOptions((all) => [...all, { name: '', values: '' }])}>
            {tAdmin('admin.variants.addOption')}
          </button>
        )}
        <button type="button" className="button" data-testid="generate-variants" onClick={() => setRows((current) => generateCombinations(options, current))}>
          {tAdmin('admin.variants.generate')}
        </button>
      </div>
      <div className="admin-variants__scroll">
        <table className="admin-variants" data-testid="variants-table">
          <thead>
            <tr>
              <th>{tAdmin('admin.variants.variant')}</th>
              <th>SKU</th>
              <th>{tAdmin('admin.variants.price', { currency: shop })}</th>
              <th>{tAdmin('admin.variants.stock')}</th>
              <th>{tAdmin('admin.variants.image')}</th>
              <th>{tAdmin('admin.variants.active')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              if (!rowFitsOptions(named, row)) return null;
              const label = row.optionValues.join(' / ') || tAdmin('admin.variants.default');
              return (
                <tr key={row.optionValues.join('\u0000') || 'default'} data-testid="variant-row">
                  <td>
                    <bdi>{label}</bdi>
                  </td>
                  <td>
                    <input className="input" dir="ltr" aria-label={`SKU ${label}`} value={row.sku} onChange={(e) => setRow(index, { sku: e.target.value })} />
                  </td>
                  <td>
                    <input
                      className="input"
                      dir="ltr"
                      inputMode="decimal"
                      aria-label={`${tAdmin('admin.variants.price', { currency: shop })} ${label}`}
                      aria-invalid={badCell === `${index}:price` || undefined}
                      value={row.price}
                      onChange={(e) => setRow(index, { price: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="input"
                      dir="ltr"
                      inputMode="numeric"
                      data-testid="variant-stock"
                      aria-label={`${tAdmin('admin.variants.stock')} ${label}`}
                      aria-invalid={badCell === `${index}:stock` || undefined}
                      value={row.stock}
                      onChange={(e) => setRow(index, { stock: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="input"
                      dir="ltr"
                      aria-label={`${tAdmin('admin.variants.image')} ${label}`}
                      value={row.image}
                      onChange={(e) => setRow(index, { image: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${tAdmin('admin.variants.active')} ${label}`}
                      checked={row.active}
                      onChange={(e) => setRow(index, { active: e.target.checked })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {problem && (
        <p className="field__error" role="alert" data-testid="variants-error">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="button button--primary"
        data-testid="save-variants"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => void save()}
      >
        {tAdmin('admin.variants.save')}
      </button>
    </section>
  );
}
