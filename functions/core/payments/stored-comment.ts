import { encodeHex, encodeUtf8 } from '../init-data/encoding';

/** A transfer's comment as the shop keeps it. */
export interface StoredComment {
  /** What people are shown: control characters removed, lone surrogates replaced with U+FFFD. */
  display: string;
  /** The comment's UTF-8 bytes, hex, exactly as the chain carried them: nothing is lost. */
  rawHex: string;
}

// Cc (C0 and C1 controls, DEL), which includes U+0000: PostgreSQL's text and jsonb refuse U+0000, and the
// others only confuse a screen. A comment is anyone's text for 0.01 TON.
const CONTROL_CHARACTERS = /\p{Cc}/gu;
// UTF-16 halves without their partner: not text, and not storable as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The comment ready to store, or null for none. Comments read from the chain are valid UTF-8 already. */
export function storeComment(comment: string | null): StoredComment | null {
  if (comment === null) return null;
  const display = comment.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL_CHARACTERS, '');
  return { display, rawHex: encodeHex(encodeUtf8(comment)) };
}
