/**
 * Escapes text for a Bot API message sent with `parse_mode: 'HTML'`. Telegram asks for `<`, `>` and `&`
 * to be replaced by entities everywhere and `"` inside attribute values
 * (core.telegram.org/bots/api#html-style); a product title or a customer's name containing them would
 * otherwise break the message (Telegram answers 400) or inject markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => HTML_ENTITIES[char]!);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
