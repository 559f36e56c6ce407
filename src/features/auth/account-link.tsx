import { t } from '../../i18n/i18n';
import { useSignedIn } from '../../platform/web-session';
import { AccountIcon } from '../../ui/icons';
import { Link } from '../../ui/link';

/**
 * The header's way in on the web: "Sign in" (the words hidden on a phone-sized screen, where the header
 * has no room, but still its accessible name), or the account once signed in. Part of the first screen.
 */
export function AccountLink() {
  const signedIn = useSignedIn();
  const label = t(signedIn ? 'nav.account' : 'nav.signIn');
  return (
    <Link to={signedIn ? '/account' : '/sign-in'} data-testid={signedIn ? 'account-link' : 'sign-in-link'} className="icon-button header-link" title={label}>
      <AccountIcon />
      <span className={signedIn ? 'visually-hidden' : 'header-link__text'}>{label}</span>
    </Link>
  );
}
