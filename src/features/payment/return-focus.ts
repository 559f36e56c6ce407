/**
 * Gives the focus back to `target` (the Pay button) once TON Connect's "confirm in your wallet" modal has
 * let go of it: the modal takes the focus and, closing a moment after the wallet answered, leaves it on
 * <body>, so a keyboard user would start again from the top of the page. It only ever takes the focus
 * back from <body>: someone who has moved on keeps their place. Gives up after `timeoutMs`.
 */
export function returnFocusWhenFreed(target: HTMLElement, doc: Document, timeoutMs = 3_000): void {
  const observer = new MutationObserver(() => check());
  const timer = setTimeout(() => stop(), timeoutMs);
  function stop() {
    observer.disconnect();
    clearTimeout(timer);
  }
  function check() {
    if (!target.isConnected) return stop();
    const active = doc.activeElement;
    if (active === null || active === doc.body) {
      target.focus();
      stop();
    }
  }
  observer.observe(doc.body, { childList: true, subtree: true });
  check();
}
