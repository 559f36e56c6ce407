// A JSON string token, or an integer literal of 16+ digits that is not part of a decimal or exponent.
const STRING_OR_LONG_INTEGER = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g;

/**
 * JSON.parse, except that integer literals too long for a double (16+ digits) arrive as strings, so a
 * nanoton amount or an lt is never rounded. tonapi sends int64 values as JSON numbers; JSON.parse would
 * turn 12345678901234567 into 12345678901234568. Text inside strings is left alone.
 */
export function parseJsonKeepingBigInts(text: string): unknown {
  return JSON.parse(text.replace(STRING_OR_LONG_INTEGER, (token) => (token.startsWith('"') ? token : `"${token}"`)));
}
