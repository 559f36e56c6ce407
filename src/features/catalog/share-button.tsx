import { useState } from 'react';
import type { Product } from '../../domain/types';
import { tCheckout } from '../../i18n/checkout-i18n';
import { useApi, usePlatform } from '../../platform/services';
import { telegramShare } from '../../platform/telegram-share';
import { Svg } from '../../ui/icons';

interface ShareAnswer {
  preparedMessageId: string | null;
  link: string | null;
  shareUrl: string | null;
}

const ShareIcon = () => (
  <Svg>
    <circle cx="18" cy="5" r="3" />
    <circle cx="6" cy="12" r="3" />
    <circle cx="18" cy="19" r="3" />
    <path d="M8.6 13.5l6.8 4M15.4 6.5l-6.8 4" />
  </Svg>
);

type State = 'idle' | 'busy' | 'copied' | 'failed';

/**
 * Shares the product. Inside Telegram: the message the server prepared (picture, price, a button that
 * opens the product) goes through Telegram's own chat picker (shareMessage), or, on clients older than
 * Bot API 8.0 or when the server could not prepare one, through Telegram's share page. On the web: the
 * browser's share sheet where there is one, else the page's address is copied.
 */
export function ShareButton({ product }: { product: Pick<Product, 'slug' | 'title'> }) {
  const api = useApi();
  const platform = usePlatform();
  const [state, setState] = useState<State>('idle');

  async function share() {
    setState('busy');
    try {
      const telegram = platform.insideTelegram ? telegramShare(window) : null;
      if (telegram) {
        const answer = await api.call<ShareAnswer>(`/api/products/${encodeURIComponent(product.slug)}/share`, { method: 'POST', auth: true });
        const prepared = answer.preparedMessageId ? telegram.shareMessage(answer.preparedMessageId) : null;
        if (prepared) await prepared;
        else if (answer.shareUrl) telegram.openTelegramLink(answer.shareUrl);
        else throw new Error('nothing to share');
        setState('idle');
        return;
      }
      const url = window.location.href.split('#')[0]!;
      if (typeof navigator.share === 'function') {
        await navigator.share({ title: product.title, url }).catch((error: unknown) => {
          // Closing the share sheet is not a failure.
          if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
        });
        setState('idle');
        return;
      }
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  const label = state === 'copied' ? tCheckout('share.copied') : state === 'failed' ? tCheckout('share.failed') : tCheckout('share.button');
  return (
    <button
      type="button"
      className="button button--small share-button"
      data-testid="share-button"
      onClick={() => void share()}
      disabled={state === 'busy'}
      aria-busy={state === 'busy'}
    >
      <ShareIcon />
      <span aria-live="polite">{label}</span>
    </button>
  );
}
