import { useEffect, useRef, useState } from 'react';
import type { CartItem } from '../../domain/cart-lines';
import type { Quote } from '../../domain/checkout';
import { useCheckoutCalls, type CheckoutBody } from './checkout-api';

export interface LiveQuote {
  quote?: Quote;
  error?: unknown;
  loading: boolean;
  retry: () => void;
}

/**
 * The server's price of the cart with the choices so far (POST /api/orders/quote), asked again 350 ms after
 * the last change, and only while `ready`. An answer to an older question is dropped. What the screen
 * shows as money is only ever this answer.
 */
export function useLiveQuote(items: readonly CartItem[], body: CheckoutBody, ready: boolean): LiveQuote {
  const calls = useCheckoutCalls();
  const callsRef = useRef(calls);
  callsRef.current = calls;
  const [state, setState] = useState<Omit<LiveQuote, 'retry'>>({ loading: false });
  const [attempt, setAttempt] = useState(0);
  const question = JSON.stringify([items, body]);

  useEffect(() => {
    if (!ready) {
      setState({ loading: false });
      return;
    }
    let current = true;
    setState((previous) => ({ quote: previous.quote, loading: true }));
    const [askItems, askBody] = JSON.parse(question) as [CartItem[], CheckoutBody];
    const timer = setTimeout(() => {
      callsRef.current.quote(askItems, askBody).then(
        (quote) => current && setState({ quote, loading: false }),
        (error: unknown) => current && setState({ error, loading: false }),
      );
    }, 350);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [question, ready, attempt]);

  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
