import { useState } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { ApiError } from '../../../platform/api-client';
import { navigate } from '../../../platform/router';
import { useResourceCache } from '../../../platform/services';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorView } from '../../../ui/error-view';
import { PrimaryAction } from '../../../ui/primary-action';
import { useAdminApi } from '../common/admin-api';
import { adminKeys } from '../common/admin-resources';
import { saveProduct, useAdminProducts } from './api';
import { VariantsEditor } from './variants-editor';
import { DigitalContentEditor } from './digital-content-editor';
import type { AdminProduct, ProductsAndCategories } from '../common/admin-types';
import { Field } from '../common/field';
import { ImageListEditor } from './image-list-editor';
import { PendingView } from '../common/pending-view';
import { changedFields, draftFromProduct, EMPTY_DRAFT, slugify, validateDraft, type DraftError, type DraftErrors, type ProductDraft } from './product-draft';
import { useToast } from '../common/toast';
import { TranslationFields } from './translation-fields';
import { currentLocale } from '../../../i18n/i18n';
import type { MoneyCurrency } from '../../../domain/format-money';
import { exampleAmount, minorDigitsOf } from '../common/money-input';
import { pricedInOtherCurrency, pricingCurrencyOf } from '../common/shop-currency';

const ERROR_KEYS = {
  required: 'admin.error.required',
  slugFormat: 'admin.error.slugFormat',
  tooLong: 'admin.error.tooLong',
  stockFormat: 'admin.error.stockFormat',
  compareAtLow: 'admin.error.compareAtLow',
  zeroPrice: 'admin.error.zeroPrice',
  starsFormat: 'admin.error.starsFormat',
  empty: 'admin.error.required',
  format: 'admin.error.moneyFormat',
  tooPrecise: 'admin.error.moneyPrecision',
  tooLarge: 'admin.error.moneyTooLarge',
  slugTaken: 'admin.error.slugTaken',
  stockChanged: 'admin.error.stockChanged',
} as const;

/** The error's sentence; money errors name the shop's currency and how many decimals it takes. */
function message(error: DraftError | 'slugTaken' | 'stockChanged' | undefined, currency: MoneyCurrency = 'TON'): string | null {
  if (!error) return null;
  const digits = minorDigitsOf(currency);
  if (error === 'tooPrecise' && digits === 0) return tAdmin('admin.error.moneyWhole', { currency });
  return tAdmin(ERROR_KEYS[error], {
    currency,
    digits: new Intl.NumberFormat(currentLocale()).format(digits),
    example: exampleAmount(currency, currentLocale()),
  });
}

/** `productId` null: a new product. */
export function ProductEditorScreen({ productId }: { productId: string | null }) {
  const data = useAdminProducts();
  if (!data.data) return <PendingView resource={data} label={tAdmin('admin.products.title')} rows={4} />;
  const product = productId === null ? null : data.data.products.find((p) => p.id === productId);
  if (product === undefined) {
    return <EmptyState title={tAdmin('admin.product.notFoundTitle')} body={tAdmin('admin.product.notFoundBody')} />;
  }
  return <ProductEditor key={product?.id ?? 'new'} product={product} data={data.data} />;
}

function ProductEditor({ product, data }: { product: AdminProduct | null; data: ProductsAndCategories }) {
  const api = useAdminApi();
  const cache = useResourceCache();
  const toast = useToast();
  const shop = pricingCurrencyOf(data);
  const [draft, setDraft] = useState<ProductDraft>(() => (product ? draftFromProduct(product, shop) : EMPTY_DRAFT));
  // A new product's slug follows its title until the merchant types one.
  const [slugTouched, setSlugTouched] = useState(product !== null);
  const [errors, setErrors] = useState<Omit<DraftErrors, 'slug' | 'stock'> & { slug?: DraftError | 'slugTaken'; stock?: DraftError | 'stockChanged' }>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);

  const update = (patch: Partial<ProductDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setTitle = (title: string) => update(slugTouched ? { title } : { title, slug: slugify(title) });

  const save = async () => {
    const result = validateDraft(draft, shop);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setSaveError(undefined);
    setSaving(true);
    try {
      const changes = product ? changedFields(product, result.input, shop) : result.input;
      // Say which stock the form started from, so orders placed meanwhile are not silently overwritten.
      const body = product && changes.stock !== undefined ? { ...changes, expectedStock: product.stock } : changes;
      const saved = await saveProduct(api, product?.id ?? null, body);
      const others = data.products.filter((p) => p.id !== saved.id);
      cache.set(adminKeys.products, { ...data, products: product ? data.products.map((p) => (p.id === saved.id ? saved : p)) : [...others, saved] });
      // The customer screens read the catalog and products from the same cache: refresh them.
      cache.invalidate('catalog');
      cache.invalidate('product');
      if (product) {
        setDraft(draftFromProduct(saved, shop));
        toast(tAdmin('admin.product.saved'));
      } else {
        toast(tAdmin('admin.product.created'));
        navigate(`/admin/products/${saved.id}`, { replace: true });
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'SLUG_TAKEN') setErrors({ slug: 'slugTaken' });
      else if (caught instanceof ApiError && caught.code === 'STOCK_CHANGED') {
        setErrors({ stock: 'stockChanged' });
        // Reload the product so the shown stock, and the next save's starting point, are current.
        cache.invalidate(adminKeys.products);
      } else setSaveError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <form
        className="admin-form admin-form--page"
        data-testid="product-editor"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h1 className="screen__title">{product ? tAdmin('admin.product.editTitle') : tAdmin('admin.product.newTitle')}</h1>
        {product && !product.active && <p className="admin-warning">{tAdmin('admin.product.inactiveNote')}</p>}
        {product && pricedInOtherCurrency(product, shop) && (
          <p className="admin-warning" data-testid="product-other-currency">
            {tAdmin('admin.product.otherCurrency', { currency: product.currency ?? 'TON', shop })}
          </p>
        )}
        <Field label={tAdmin('admin.product.title')} error={message(errors.title)}>
          <input className="input" data-testid="product-title" value={draft.title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label={tAdmin('admin.product.slug')} hint={tAdmin('admin.product.slugHint')} error={message(errors.slug)}>
          <input
            className="input"
            dir="ltr"
            data-testid="product-slug"
            value={draft.slug}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => (setSlugTouched(true), update({ slug: e.target.value }))}
          />
        </Field>
        <Field label={tAdmin('admin.product.description')} error={message(errors.description)}>
          <textarea className="input" rows={4} value={draft.description} maxLength={5000} onChange={(e) => update({ description: e.target.value })} />
        </Field>
        <div className="admin-form__row">
          <Field
            label={tAdmin('admin.product.price', { currency: shop })}
            hint={tAdmin('admin.product.priceHint', { example: exampleAmount(shop, currentLocale()) })}
            error={message(errors.price, shop)}
          >
            <input
              className="input"
              dir="ltr"
              inputMode="decimal"
              data-testid="product-price"
              value={draft.price}
              onChange={(e) => update({ price: e.target.value })}
            />
          </Field>
          <Field
            label={tAdmin('admin.product.compareAt', { currency: shop })}
            hint={tAdmin('admin.product.compareAtHint')}
            error={message(errors.compareAt, shop)}
          >
            <input
              className="input"
              dir="ltr"
              inputMode="decimal"
              data-testid="product-compare-at"
              value={draft.compareAt}
              onChange={(e) => update({ compareAt: e.target.value })}
            />
          </Field>
        </div>
        <div className="admin-form__row">
          <Field label={tAdmin('admin.product.kind')}>
            <select
              className="input"
              data-testid="product-kind"
              value={draft.kind}
              onChange={(e) => update({ kind: e.target.value === 'digital' ? 'digital' : 'physical' })}
            >
              <option value="physical">{tAdmin('admin.product.kind.physical')}</option>
              <option value="digital">{tAdmin('admin.product.kind.digital')}</option>
            </select>
          </Field>
          <Field label={tAdmin('admin.product.starsPrice')} hint={tAdmin('admin.product.starsPriceHint')} error={message(errors.starsPrice)}>
            <input
              className="input"
              dir="ltr"
              inputMode="numeric"
              data-testid="product-stars-price"
              value={draft.starsPrice}
              onChange={(e) => update({ starsPrice: e.target.value })}
            />
          </Field>
        </div>
        <div className="admin-form__row">
          <Field
            label={tAdmin('admin.product.stock')}
            error={errors.stock === 'stockChanged' ? tAdmin('admin.error.stockChanged', { count: product?.stock ?? 0 }) : message(errors.stock)}
          >
            <input
              className="input"
              dir="ltr"
              inputMode="numeric"
              data-testid="product-stock"
              value={draft.stock}
              onChange={(e) => update({ stock: e.target.value })}
            />
          </Field>
          <Field label={tAdmin('admin.product.category')}>
            <select className="input" data-testid="product-category" value={draft.categoryId} onChange={(e) => update({ categoryId: e.target.value })}>
              <option value="">{tAdmin('admin.product.noCategory')}</option>
              {data.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <label className="admin-switch">
          <input type="checkbox" data-testid="product-active" checked={draft.active} onChange={(e) => update({ active: e.target.checked })} />
          <span>
            <strong>{tAdmin('admin.product.active')}</strong>
            <span className="hint">{draft.active ? tAdmin('admin.product.activeHint') : tAdmin('admin.product.inactiveHint')}</span>
          </span>
        </label>
        <ImageListEditor images={draft.images} onChange={(images) => update({ images })} />
        <TranslationFields translations={draft.translations} errors={errors} onChange={(translations) => update({ translations })} />
        {saveError !== undefined && <ErrorView compact error={saveError} title={tAdmin('admin.product.saveFailed')} onRetry={() => void save()} />}
        {/* Enter in a field saves too (the MainButton lives outside the page). */}
        <button type="submit" className="visually-hidden" tabIndex={-1} aria-hidden="true" />
        <PrimaryAction text={product ? tAdmin('admin.product.save') : tAdmin('admin.product.create')} onClick={() => void save()} progress={saving} />
      </form>
      {product && (
        <VariantsEditor
          productId={product.id}
          options={product.options ?? []}
          variants={product.variants ?? []}
          shop={shop}
          productCurrency={product.currency ?? 'TON'}
        />
      )}
      {product?.kind === 'digital' && <DigitalContentEditor productId={product.id} />}
    </>
  );
}
