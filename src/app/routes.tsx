import { Fragment, Suspense, type ReactNode } from 'react';
import { AddToCartControl } from '../features/cart/add-to-cart';
import { CatalogPage } from '../features/catalog/catalog-page';
import { t } from '../i18n/i18n';
import { matchPath, navigate } from '../platform/router';
import { EmptyState } from '../ui/empty-state';
import { Skeleton, SkeletonBlock } from '../ui/skeleton';
import {
  LazyAccountScreen,
  LazyAdminApp,
  LazyCartPage,
  LazyCheckoutFormScreen,
  LazyCheckoutScreen,
  LazyOrderPage,
  LazyOrdersPage,
  LazyProductScreen,
  LazySignInScreen,
  PushOptInSlot,
} from './lazy-screens';

interface RouteDef {
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
}

// Features don't import each other; this table is where they meet.
const routes: RouteDef[] = [
  { pattern: '/', render: () => <CatalogPage renderCartControl={(p) => <AddToCartControl product={p} />} /> },
  { pattern: '/p/:slug', render: ({ slug }) => <LazyProductScreen slug={slug!} /> },
  { pattern: '/cart', render: () => <LazyCartPage /> },
  { pattern: '/checkout', render: () => <LazyCheckoutFormScreen /> },
  { pattern: '/checkout/:orderId', render: ({ orderId }) => <LazyCheckoutScreen orderId={orderId!} /> },
  { pattern: '/orders', render: () => <LazyOrdersPage aside={<PushOptInSlot />} /> },
  { pattern: '/orders/:orderId', render: ({ orderId }) => <LazyOrderPage orderId={orderId!} aside={<PushOptInSlot />} /> },
  { pattern: '/sign-in', render: () => <LazySignInScreen /> },
  { pattern: '/account', render: () => <LazyAccountScreen /> },
];

/** Shown while a split-out screen's code arrives (normally prefetched already). */
function ScreenSkeleton() {
  return (
    <main className="screen">
      <Skeleton label={t('app.name')}>
        <SkeletonBlock style={{ inlineSize: '40%', blockSize: '1.5rem' }} />
        <SkeletonBlock className="skeleton-block--card" />
      </Skeleton>
    </main>
  );
}

function NotFound() {
  return (
    <main className="screen">
      <EmptyState
        title={t('error.notFoundTitle')}
        body={t('error.pageNotFound')}
        action={
          <button type="button" className="button button--primary" onClick={() => navigate('/')}>
            {t('nav.home')}
          </button>
        }
      />
    </main>
  );
}

export function isHome(pathname: string): boolean {
  return pathname === '/';
}

/** The screen for a path; `key` remounts a screen when its params change (e.g. product → product). */
export function renderRoute(pathname: string): ReactNode {
  // The admin area routes its own sub-paths inside its lazy chunk.
  if (/^\/admin(\/|$)/.test(pathname)) {
    return (
      <Suspense key="admin" fallback={<ScreenSkeleton />}>
        <LazyAdminApp pathname={pathname} />
      </Suspense>
    );
  }
  for (const route of routes) {
    const params = matchPath(route.pattern, pathname);
    if (params) {
      return (
        <Fragment key={`${route.pattern}|${JSON.stringify(params)}`}>
          <Suspense fallback={<ScreenSkeleton />}>{route.render(params)}</Suspense>
        </Fragment>
      );
    }
  }
  return <NotFound key="not-found" />;
}
