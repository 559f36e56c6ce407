// The admin area (issue 5): one lazy chunk, loaded only when an admin opens /admin. It routes its own
// sub-paths; the app shell's BackButton and in-page back arrow walk the browser history through them.
import { Fragment, type ReactNode } from 'react';
import { t } from '../../../i18n/i18n';
import { tAdmin } from '../../../i18n/admin-i18n';
import { matchPath, navigate } from '../../../platform/router';
import { EmptyState } from '../../../ui/empty-state';
import { ErrorView } from '../../../ui/error-view';
import { Skeleton, SkeletonBlock } from '../../../ui/skeleton';
import { isNotAdmin } from '../common/admin-api';
import { AdminNav, type AdminSection } from './admin-nav';
import { useAdminSession } from '../common/admin-resources';
import { CategoriesScreen } from '../products/categories-screen';
import { ChannelPostsScreen } from '../channel/channel-posts-screen';
import { AnnouncementsScreen } from '../announcements/announcements-screen';
import { DataScreen } from '../catalog-io/data-screen';
import { OrderDetailScreen } from '../orders/order-detail-screen';
import { OrdersScreen } from '../orders/orders-screen';
import { PaymentsScreen } from '../payments/payments-screen';
import { ProductEditorScreen } from '../products/product-editor-screen';
import { ProductsScreen } from '../products/products-screen';
import { SalesScreen } from '../sales/sales-screen';
import { DeliveryScreen } from '../delivery/delivery-screen';
import { PromoCodesScreen } from '../promo-codes/promo-codes-screen';
import { SettingsScreen } from '../settings/settings-screen';
import { ToastProvider } from '../common/toast';
import type { MerchantWalletPort } from '../../../domain/merchant-wallet';
import { MerchantWalletContext } from '../common/merchant-wallet-context';
import './admin.css';

interface AdminRoute {
  pattern: string;
  /** Section screens show the tabs; detail screens (an order, a product) show only the back arrow. */
  section?: AdminSection;
  render: (params: Record<string, string>) => ReactNode;
}

const routes: AdminRoute[] = [
  { pattern: '/admin', section: 'orders', render: () => <OrdersScreen /> },
  { pattern: '/admin/orders', section: 'orders', render: () => <OrdersScreen /> },
  { pattern: '/admin/orders/:id', render: ({ id }) => <OrderDetailScreen orderId={id!} /> },
  { pattern: '/admin/products', section: 'products', render: () => <ProductsScreen /> },
  { pattern: '/admin/products/new', render: () => <ProductEditorScreen productId={null} /> },
  { pattern: '/admin/products/:id', render: ({ id }) => <ProductEditorScreen productId={id!} /> },
  { pattern: '/admin/categories', section: 'categories', render: () => <CategoriesScreen /> },
  { pattern: '/admin/payments', section: 'payments', render: () => <PaymentsScreen /> },
  { pattern: '/admin/sales', section: 'sales', render: () => <SalesScreen /> },
  { pattern: '/admin/delivery', section: 'delivery', render: () => <DeliveryScreen /> },
  { pattern: '/admin/promo-codes', section: 'promo-codes', render: () => <PromoCodesScreen /> },
  { pattern: '/admin/channel', section: 'channel', render: () => <ChannelPostsScreen /> },
  { pattern: '/admin/announcements', section: 'announcements', render: () => <AnnouncementsScreen /> },
  { pattern: '/admin/settings', section: 'settings', render: () => <SettingsScreen /> },
  { pattern: '/admin/data', section: 'data', render: () => <DataScreen /> },
];

function findRoute(pathname: string): { route: AdminRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.pattern, pathname);
    if (params) return { route, params };
  }
  return null;
}

export default function AdminApp({ pathname, merchantWallet }: { pathname: string; merchantWallet: MerchantWalletPort }) {
  const session = useAdminSession();
  let body: ReactNode;
  if (!session.data) {
    if (session.error !== undefined && isNotAdmin(session.error)) {
      body = (
        <EmptyState
          title={tAdmin('admin.forbidden.title')}
          body={tAdmin('admin.forbidden.body')}
          action={
            <button type="button" className="button button--primary" onClick={() => navigate('/', { replace: true })}>
              {t('nav.home')}
            </button>
          }
        />
      );
    } else if (session.error !== undefined) {
      body = <ErrorView error={session.error} onRetry={session.reload} />;
    } else {
      body = (
        <Skeleton label={tAdmin('admin.title')}>
          <SkeletonBlock style={{ inlineSize: '40%', blockSize: '1.5rem' }} />
          <SkeletonBlock className="skeleton-block--card" />
        </Skeleton>
      );
    }
    return (
      <main className="screen admin" data-testid="admin">
        {body}
      </main>
    );
  }

  const found = findRoute(pathname);
  return (
    <ToastProvider>
      <MerchantWalletContext.Provider value={merchantWallet}>
        <main className="screen admin" data-testid="admin">
          {found?.route.section && <AdminNav current={found.route.section} />}
          {found ? (
            <Fragment key={`${found.route.pattern}|${JSON.stringify(found.params)}`}>{found.route.render(found.params)}</Fragment>
          ) : (
            <EmptyState title={t('error.notFoundTitle')} body={t('error.pageNotFound')} />
          )}
        </main>
      </MerchantWalletContext.Provider>
    </ToastProvider>
  );
}
