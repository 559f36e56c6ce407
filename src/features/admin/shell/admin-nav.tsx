import { useEffect, useRef } from 'react';
import { tAdmin } from '../../../i18n/admin-i18n';
import { Link } from '../../../ui/link';

export const ADMIN_SECTIONS = [
  'orders',
  'products',
  'categories',
  'payments',
  'sales',
  'delivery',
  'promo-codes',
  'channel',
  'announcements',
  'settings',
  'data',
] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** The admin area's sections as a row of tabs that scrolls sideways on a phone. */
export function AdminNav({ current }: { current: AdminSection }) {
  const nav = useRef<HTMLElement>(null);
  // The current tab may sit past the screen's edge (Payments, Settings …): bring it into view.
  useEffect(() => {
    const link = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    const box = nav.current;
    if (!link || !box) return;
    const linkBox = link.getBoundingClientRect();
    const navBox = box.getBoundingClientRect();
    if (linkBox.left < navBox.left || linkBox.right > navBox.right) {
      box.scrollBy({ left: linkBox.left - navBox.left - (navBox.width - linkBox.width) / 2 });
    }
  }, [current]);
  return (
    <nav ref={nav} className="admin-nav" aria-label={tAdmin('admin.nav.label')}>
      {ADMIN_SECTIONS.map((section) => (
        <Link
          key={section}
          to={`/admin/${section}`}
          replace
          data-testid={`admin-nav-${section}`}
          className="admin-nav__link"
          aria-current={section === current ? 'page' : undefined}
        >
          {tAdmin(`admin.nav.${section}`)}
        </Link>
      ))}
    </nav>
  );
}
