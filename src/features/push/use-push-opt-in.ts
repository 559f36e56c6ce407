import { useCallback, useEffect, useState } from 'react';
import type { BrowserPush } from './browser-push';
import type { PushSupport } from './push-support';

/** Where the opt-in stands. `loading` and `unavailable` (no key on the server) show nothing. */
export type PushOptInState = 'loading' | 'unavailable' | Exclude<PushSupport, 'supported'> | 'denied' | 'off' | 'subscribing' | 'on';

/**
 * The opt-in's state and actions. Nothing is asked of the person until they press the button: the
 * permission prompt comes from that press (browsers ignore or block one that does not).
 */
export function usePushOptIn(support: PushSupport, push: BrowserPush, languageCode: () => string) {
  const [state, setState] = useState<PushOptInState>(support === 'supported' ? 'loading' : support);
  const [failed, setFailed] = useState(false);
  const [publicKey, setPublicKey] = useState<string | null>(null);

  useEffect(() => {
    if (support !== 'supported') return;
    let live = true;
    void (async () => {
      try {
        const key = await push.readPublicKey();
        if (!live) return;
        setPublicKey(key);
        if (key === null) return setState('unavailable');
        if (push.permission() === 'denied') return setState('denied');
        const subscribed = push.permission() === 'granted' && (await push.current()) !== null;
        if (live) setState(subscribed ? 'on' : 'off');
      } catch {
        if (live) setState('unavailable');
      }
    })();
    return () => {
      live = false;
    };
  }, [support, push]);

  const turnOn = useCallback(async () => {
    if (publicKey === null) return;
    setFailed(false);
    setState('subscribing');
    try {
      const permission = await push.requestPermission();
      if (permission !== 'granted') return setState(permission === 'denied' ? 'denied' : 'off');
      await push.subscribe(publicKey, languageCode());
      setState('on');
    } catch {
      setFailed(true);
      setState('off');
    }
  }, [push, publicKey, languageCode]);

  const turnOff = useCallback(async () => {
    setFailed(false);
    try {
      await push.unsubscribe();
    } finally {
      setState('off');
    }
  }, [push]);

  return { state, failed, turnOn, turnOff };
}
