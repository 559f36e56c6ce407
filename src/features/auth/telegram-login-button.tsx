import { useEffect, useRef, useState } from 'react';
import type { TelegramWidgetUser } from './auth-api';

// Telegram's Login Widget (core.telegram.org/widgets/login): a script that replaces itself with Telegram's
// button in an iframe and, once the person confirms in Telegram, runs the `data-onauth` code with `user`
// bound to the signed fields. The code names a global, so one widget at a time.
const WIDGET_SRC = 'https://telegram.org/js/telegram-widget.js?22';
const CALLBACK = 'bazaarTelegramLogin';

type CallbackWindow = Window & { [CALLBACK]?: (user: TelegramWidgetUser) => void };

export function TelegramLoginButton({
  botUsername,
  language,
  title,
  onAuth,
  onUnavailable,
}: {
  botUsername: string;
  language: string;
  /** Names Telegram's iframe for screen readers (it comes without a title). */
  title: string;
  onAuth: (user: TelegramWidgetUser) => void;
  onUnavailable: () => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const handlers = useRef({ onAuth, onUnavailable });
  handlers.current = { onAuth, onUnavailable };
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    const container = host.current!;
    const win = window as CallbackWindow;
    win[CALLBACK] = (user) => handlers.current.onAuth(user);
    const script = document.createElement('script');
    script.async = true;
    script.src = WIDGET_SRC;
    script.dataset.telegramLogin = botUsername;
    script.dataset.size = 'large';
    script.dataset.onauth = `${CALLBACK}(user)`;
    script.dataset.requestAccess = 'write';
    script.dataset.lang = language;
    // Blocked where Telegram is blocked: say so, and leave the wallet sign-in as the way in.
    let ran = false;
    script.onerror = () => ((ran = true), handlers.current.onUnavailable());
    script.onload = () => ((ran = true), setLoaded(true));
    const named = new MutationObserver(() => container.querySelector('iframe:not([title])')?.setAttribute('title', title));
    named.observe(container, { childList: true, subtree: true });
    container.append(script);
    return () => {
      named.disconnect();
      if (!ran) {
        // A script still on its way runs when it arrives even after it was removed, and Telegram's then
        // puts its frame beside itself, which needs a parent (the person left sign-in before it came:
        // "insertBefore of null"). It finishes in a hidden holder, dropped once it ran.
        script.onload = script.onerror = null;
        const holder = document.createElement('div');
        holder.hidden = true;
        document.body.append(holder);
        holder.append(script);
        const drop = () => holder.remove();
        script.addEventListener('load', drop);
        script.addEventListener('error', drop);
      }
      container.replaceChildren();
      if (win[CALLBACK]) delete win[CALLBACK];
    };
  }, [botUsername, language, title]);

  return <div ref={host} className="telegram-login" data-testid="telegram-login" data-loaded={loaded || undefined} />;
}
