// The one piece of the admin area every customer loads (a lazy chunk of a few hundred bytes, after the
// first screen): asks the server once whether this person is an admin and shows the way in if so.
import { t } from '../../../i18n/i18n';
import { Svg } from '../../../ui/icons';
import { Link } from '../../../ui/link';
import { useIsAdmin } from '../common/admin-check';

export default function AdminEntry() {
  // Not an admin, no initData, or the question failed: no entry. The server checks every admin call anyway.
  if (!useIsAdmin()) return null;
  return (
    <Link to="/admin" data-testid="admin-link" className="icon-button" aria-label={t('nav.admin')} title={t('nav.admin')}>
      <Svg>
        <path d="M4 9l1.5-5h13L20 9M4 9v11h16V9M4 9c0 1.7 1.3 3 3 3s2.5-1.3 2.5-3M9.5 9c0 1.7 1.1 3 2.5 3s2.5-1.3 2.5-3M14.5 9c0 1.7.8 3 2.5 3s3-1.3 3-3M10 20v-5h4v5" />
      </Svg>
    </Link>
  );
}
