import { useState } from 'react';
import type { Category } from '../../../domain/types';
import { tAdmin } from '../../../i18n/admin-i18n';
import { navigate } from '../../../platform/router';
import { EmptyState } from '../../../ui/empty-state';
import { ForwardIcon, PlusIcon, SearchIcon } from '../../../ui/icons';
import { Link } from '../../../ui/link';
import { formatPrice } from '../../../ui/format-price';
import type { MoneyCurrency } from '../../../domain/format-money';
import { pricedInOtherCurrency, pricingCurrencyOf } from '../common/shop-currency';
import { useAdminProducts } from './api';
import type { AdminProduct } from '../common/admin-types';
import { PendingView } from '../common/pending-view';

export function ProductsScreen() {
  const data = useAdminProducts();
  const [query, setQuery] = useState('');
  const header = (
    <div className="admin-heading">
      <h1 className="screen__title">{tAdmin('admin.products.title')}</h1>
      <Link to="/admin/products/new" data-testid="new-product" className="button button--small button--primary">
        <PlusIcon />
        {tAdmin('admin.products.new')}
      </Link>
    </div>
  );
  if (!data.data) {
    return (
      <>
        {header}
        <PendingView resource={data} label={tAdmin('admin.products.title')} />
      </>
    );
  }
  const { products, categories } = data.data;
  const shop = pricingCurrencyOf(data.data);
  if (products.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          title={tAdmin('admin.products.emptyTitle')}
          body={tAdmin('admin.products.emptyBody')}
          action={
            <button type="button" className="button button--primary" onClick={() => navigate('/admin/products/new')}>
              {tAdmin('admin.products.new')}
            </button>
          }
        />
      </>
    );
  }
  const inactive = products.filter((p) => !p.active).length;
  const needle = query.trim().toLowerCase();
  const shown = needle ? products.filter((p) => p.title.toLowerCase().includes(needle) || p.slug.includes(needle)) : products;
  return (
    <>
      {header}
      <div className="search">
        <SearchIcon />
        <input
          type="search"
          aria-label={tAdmin('admin.products.searchLabel')}
          placeholder={tAdmin('admin.products.searchLabel')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p className="hint">
        {tAdmin('admin.products.count', { count: products.length })}
        {inactive > 0 && ` · ${tAdmin('admin.products.inactiveCount', { count: inactive })}`}
      </p>
      {shown.length === 0 && <p className="hint">{tAdmin('admin.products.noMatch', { query: query.trim() })}</p>}
      <ul className="order-list card" data-testid="admin-product-list" hidden={shown.length === 0}>
        {shown.map((product) => (
          <li key={product.id}>
            <ProductRow product={product} categories={categories} shop={shop} />
          </li>
        ))}
      </ul>
    </>
  );
}

function ProductRow({ product, categories, shop }: { product: AdminProduct; categories: Category[]; shop: MoneyCurrency }) {
  const category = categories.find((c) => c.id === product.categoryId);
  const currency = product.currency ?? 'TON';
  return (
    <Link
      to={`/admin/products/${product.id}`}
      data-testid="admin-product-row"
      data-slug={product.slug}
      className={`order-row admin-product-row ${product.active ? '' : 'admin-product-row--inactive'}`}
    >
      {product.images[0] ? (
        <img className="cart-line__thumb" src={product.images[0]} alt="" loading="lazy" width={56} height={56} />
      ) : (
        <span className="cart-line__thumb" aria-hidden="true" />
      )}
      <span className="order-row__main">
        <span className="order-row__code">{product.title}</span>
        <span className="hint">
          {category ? `${category.title} · ` : ''}
          {tAdmin('admin.products.stock', { count: product.stock })}
        </span>
        {pricedInOtherCurrency(product, shop) && (
          <span className="admin-product-row__warning" data-testid="other-currency">
            {tAdmin('admin.products.otherCurrency', { currency, shop })}
          </span>
        )}
      </span>
      <span className="order-row__side">
        <strong className="money">{formatPrice(product.priceMinor, currency)}</strong>
        {!product.active && (
          <span className="status status--cancelled" data-testid="inactive-badge">
            {tAdmin('admin.products.inactive')}
          </span>
        )}
      </span>
      <ForwardIcon />
    </Link>
  );
}
