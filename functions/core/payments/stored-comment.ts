import { encodeHex, encodeUtf8 } from '../init-data/encoding';
import { sanitizeText } from '../text/storable-text';

/** A transfer's comment as the shop keeps it. */
export interface StoredComment {
  /** What people are shown: control characters removed, lone surrogates replaced with U+FFFD. */
  display: string;
  /** The comment's UTF-8 bytes, hex, exactly as the chain carried them: nothing is lost. */
  rawHex: string;
}

// Cc (C0 and C1 controls, DEL): beyond the one text rule (U+0000 and lone surrogates, which the database
// cannot store), a comment shown to the merchant loses every control character: it is anyone's text for
// 0.01 TON, and they only confuse a screen.
const CONTROL_CHARACTERS = /\p{Cc}/gu;

/** The comment ready to store, or null for none. Comments read from the chain are valid UTF-8 already. */
export function storeComment(comment: string | null): StoredComment | null {
  if (comment === null) return null;
  const display = sanitizeText(comment.replace(CONTROL_CHARACTERS, ''));
  return { display, rawHex: encodeHex(encodeUtf8(comment)) };
}
