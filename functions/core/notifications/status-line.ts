import { escapeHtml } from './escape-html';
import type { Messages } from './messages/messages';

/**
 * The sentence that tells a customer their order's new status, in the chat and in a browser's Web Push
 * notification alike (core/push/render-push.ts turns its HTML into text).
 */
export function renderStatusLine(t: Messages, status: string, code: string): string {
  switch (status) {
    case 'shipped':
      return t.statusShipped(code);
    case 'ready_for_pickup':
      return t.statusReadyForPickup(code);
    case 'cancelled':
      return t.statusCancelled(code);
    case 'completed':
      return t.statusCompleted(code);
    case 'refunded':
      return t.statusRefunded(code);
    default:
      return t.statusOther(code, escapeHtml(Object.hasOwn(t.status, status) ? t.status[status as keyof Messages['status']] : status));
  }
}
