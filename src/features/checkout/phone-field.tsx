import { useEffect, useRef, useState } from 'react';
import { tCheckout } from '../../i18n/checkout-i18n';
import { currentLocale } from '../../i18n/i18n';
import { usePlatform } from '../../platform/services';
import { useCheckoutCalls } from './checkout-api';
import { TextField } from './form-fields';

type ShareState = 'idle' | 'waiting' | 'notShared' | 'late';

// An example in the reader's own numbering plan; filled into the hint (isolated in right-to-left text).
const PHONE_EXAMPLES: Record<string, string> = { en: '+98 912 123 4567', fa: '+98 912 123 4567', ru: '+7 916 123-45-67', hi: '+91 98765 43210' };

const POLL_MS = 1_000;
const POLL_TRIES = 20;

/**
 * The phone number: typed (Latin, Persian or Arabic-Indic digits: the server reads them all and stores
 * E.164), or shared from Telegram. Sharing goes through requestContact (Bot API 6.9+); Telegram then
 * sends the contact to the shop's bot as an update, and the number is taken from there, never from the
 * page: the form asks the shop (GET /api/me/checkout-details) until it has it.
 */
export function PhoneField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: string | undefined }) {
  const platform = usePlatform();
  const calls = useCheckoutCalls();
  const [share, setShare] = useState<ShareState>('idle');
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  async function requestFromTelegram() {
    if (!platform.requestContact) return;
    setShare('waiting');
    const sent = await platform.requestContact();
    if (!sent) return mounted.current && setShare('notShared');
    for (let i = 0; i < POLL_TRIES && mounted.current; i++) {
      const details = await calls.readDetails().catch(() => null);
      if (details?.phone) {
        if (!mounted.current) return;
        onChange(details.phone);
        return setShare('idle');
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    if (mounted.current) setShare('late');
  }

  return (
    <TextField
      name="address.phone"
      label={tCheckout('address.phone')}
      value={value}
      onChange={onChange}
      error={error}
      type="tel"
      inputMode="tel"
      autoComplete="tel"
      dir="ltr"
      hint={tCheckout('phone.hint', { example: PHONE_EXAMPLES[currentLocale()] ?? PHONE_EXAMPLES.en! })}
      after={
        platform.requestContact && (
          <span className="field__after">
            <button
              type="button"
              className="button button--small"
              data-testid="share-phone"
              onClick={() => void requestFromTelegram()}
              disabled={share === 'waiting'}
            >
              {tCheckout('phone.share')}
            </button>
            {share !== 'idle' && (
              <span className="hint" role="status" data-testid="share-phone-status">
                {tCheckout(share === 'waiting' ? 'phone.waiting' : share === 'late' ? 'phone.late' : 'phone.notShared')}
              </span>
            )}
          </span>
        )
      }
    />
  );
}
