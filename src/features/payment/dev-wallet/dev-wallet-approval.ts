// The dev wallet's own approval sheet, drawn over the page the way an extension wallet's popup would be.
// Plain DOM, no React: it belongs to the wallet, not to the shop (its words are the wallet's, so they
// are not in the shop's i18n catalogs). A DOM sheet rather than window.confirm(): a test can look at it,
// screenshot it, and press either button.
import type { TransferToApprove } from './dev-wallet-bridge';

const NANO_PER_TON = 1_000_000_000n;

/** "3.25 TON" from nanotons, without floats. */
export function formatTonAmount(amountNano: string): string {
  const nano = BigInt(amountNano);
  const whole = nano / NANO_PER_TON;
  const fraction = (nano % NANO_PER_TON).toString().padStart(9, '0').replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} TON`;
}

function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, style?: string): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (style) el.setAttribute('style', style);
  return el;
}

const SHEET_STYLE = [
  'position:fixed',
  'inset-inline:0',
  'bottom:0',
  'z-index:2147483647',
  'margin:0 auto',
  'max-width:420px',
  'box-sizing:border-box',
  'padding:20px',
  'border-radius:16px 16px 0 0',
  'background:#1f2933',
  'color:#f5f7fa',
  'font:15px/1.4 system-ui,sans-serif',
  'box-shadow:0 -8px 32px rgba(0,0,0,.35)',
].join(';');
const BUTTON_STYLE = 'flex:1;padding:12px;border-radius:10px;border:0;font:600 15px system-ui,sans-serif;cursor:pointer';

/** Shows the transfer and resolves with the person's answer. */
export function askApproval(doc: Document, transfer: TransferToApprove): Promise<boolean> {
  return new Promise((resolve) => {
    const sheet = element(doc, 'div', undefined, SHEET_STYLE);
    sheet.setAttribute('role', 'dialog');
    sheet.setAttribute('aria-label', 'Bazaar Dev Wallet: approve the transfer');
    sheet.dataset.testid = 'dev-wallet-approval';
    sheet.dir = 'ltr';
    sheet.append(element(doc, 'strong', 'Bazaar Dev Wallet', 'display:block;font-size:17px;margin-bottom:4px'));
    sheet.append(element(doc, 'div', `From ${transfer.from.addressFriendly}`, 'opacity:.7;font-size:12px;word-break:break-all;margin-bottom:12px'));
    for (const message of transfer.messages) {
      sheet.append(element(doc, 'div', `Send ${formatTonAmount(message.amount)}`, 'font-size:22px;font-weight:700'));
      sheet.append(element(doc, 'div', `to ${message.address}`, 'font-size:12px;word-break:break-all;opacity:.85;margin-bottom:8px'));
    }
    const buttons = element(doc, 'div', undefined, 'display:flex;gap:12px;margin-top:16px');
    const decline = element(doc, 'button', 'Decline', `${BUTTON_STYLE};background:#3e4c59;color:#f5f7fa`);
    const approve = element(doc, 'button', 'Approve', `${BUTTON_STYLE};background:#0098ea;color:#fff`);
    decline.type = approve.type = 'button';
    decline.dataset.testid = 'dev-wallet-decline';
    approve.dataset.testid = 'dev-wallet-approve';
    buttons.append(decline, approve);
    sheet.append(buttons);

    // A dialog for the keyboard too: Tab stays between its two buttons, Escape declines, and the focus
    // goes back to where it was (the shop's Pay button) once it closes.
    sheet.setAttribute('aria-modal', 'true');
    const returnFocus = doc.activeElement as HTMLElement | null;
    const answer = (approved: boolean) => {
      sheet.remove();
      returnFocus?.focus();
      resolve(approved);
    };
    sheet.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        answer(false);
      } else if (event.key === 'Tab') {
        event.preventDefault();
        (doc.activeElement === approve ? decline : approve).focus();
      }
    });
    // A real extension wallet asks in a window of its own. This sheet lives in the page, under which
    // TON Connect's modal closes on any click outside it (and reports the request as not sent): keep
    // the sheet's pointer events to itself.
    for (const type of ['pointerdown', 'mousedown', 'touchstart', 'click'] as const) {
      sheet.addEventListener(type, (event) => event.stopPropagation());
    }
    decline.addEventListener('click', () => answer(false));
    approve.addEventListener('click', () => answer(true));
    doc.body.append(sheet);
    approve.focus();
  });
}
