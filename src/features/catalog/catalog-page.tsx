import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Product } from '../../domain/types';
import { t } from '../../i18n/i18n';
import { navigate, useLocation } from '../../platform/router';
import { EmptyState } from '../../ui/empty-state';
import { ErrorView } from '../../ui/error-view';
import { SearchIcon } from '../../ui/icons';
import { Skeleton, SkeletonBlock } from '../../ui/skeleton';
import { useCatalog } from './api';
import { CategoryChips } from './category-chips';
import { filterProducts, visibleCategories } from './filter';
import { ProductCard } from './product-card';

/** Category and query live in the URL (replaced, not pushed), so back from a product restores them. */
function replaceSearchParam(name: string, value: string | null): void {
  const params = new URLSearchParams(window.location.search);
  if (value) params.set(name, value);
  else params.delete(name);
  const search = params.toString();
  navigate(window.location.pathname + (search ? `?${search}` : ''), { replace: true });
}

function CatalogSkeleton() {
  return (
    <Skeleton label={t('catalog.searchLabel')}>
      <ul className="product-grid" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i} className="product-card">
            <SkeletonBlock className="skeleton-block--media" />
            <SkeletonBlock style={{ inlineSize: '70%' }} />
            <SkeletonBlock style={{ inlineSize: '40%' }} />
          </li>
        ))}
      </ul>
    </Skeleton>
  );
}

export function CatalogPage({ renderCartControl }: { renderCartControl: (product: Product) => ReactNode }) {
  const catalog = useCatalog();
  const location = useLocation();
  const categorySlug = new URLSearchParams(location.search).get('category');
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');

  // Debounced: Safari throttles history.replaceState calls made on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => replaceSearchParam('q', query.trim() || null), 300);
    return () => clearTimeout(timer);
  }, [query]);

  const categories = useMemo(() => (catalog.data ? visibleCategories(catalog.data.categories, catalog.data.products) : []), [catalog.data]);
  const products = useMemo(
    () => (catalog.data ? filterProducts(catalog.data.products, catalog.data.categories, { categorySlug, query }) : []),
    [catalog.data, categorySlug, query],
  );

  let body: ReactNode;
  if (catalog.data === undefined && catalog.error !== undefined) {
    body = <ErrorView error={catalog.error} onRetry={catalog.reload} />;
  } else if (catalog.data === undefined) {
    body = <CatalogSkeleton />;
  } else if (catalog.data.products.length === 0) {
    body = <EmptyState title={t('catalog.emptyTitle')} body={t('catalog.emptyBody')} />;
  } else if (products.length === 0) {
    body = query.trim() ? (
      <EmptyState
        title={t('catalog.noResultsTitle')}
        body={t('catalog.noResultsBody', { query: query.trim() })}
        action={
          <button type="button" className="button" onClick={() => setQuery('')}>
            {t('catalog.clearSearch')}
          </button>
        }
      />
    ) : (
      <EmptyState
        title={t('catalog.noResultsTitle')}
        body={t('catalog.noResultsInCategory')}
        action={
          <button type="button" className="button" onClick={() => replaceSearchParam('category', null)}>
            {t('catalog.showAll')}
          </button>
        }
      />
    );
  } else {
    body = (
      <ul data-testid="catalog-grid" className="product-grid">
        {products.map((product, index) => (
          <ProductCard key={product.id} product={product} cartControl={renderCartControl(product)} aboveTheFold={index < 4} />
        ))}
      </ul>
    );
  }

  return (
    <main className="screen screen--catalog">
      <h1 className="visually-hidden">{t('app.name')}</h1>
      <div className="catalog-tools">
        <label className="search">
          <SearchIcon />
          <span className="visually-hidden">{t('catalog.searchLabel')}</span>
          <input
            data-testid="search-input"
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            placeholder={t('catalog.searchPlaceholder')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        {categories.length > 0 && <CategoryChips categories={categories} selected={categorySlug} onSelect={(slug) => replaceSearchParam('category', slug)} />}
      </div>
      {body}
    </main>
  );
}
