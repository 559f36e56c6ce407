/**
 * JSON.parse, except that integer literals too long for a double (16+ digits) arrive as strings, so a
 * nanoton amount or an lt is never rounded. tonapi sends int64 values as JSON numbers; JSON.parse would
 * turn 12345678901234567 into 12345678901234568. Text inside strings is left alone.
 */
export function parseJsonKeepingBigInts(text: string): unknown {
  let out = '';
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      continue;
    }
    if (ch !== '-' && (ch === undefined || ch < '0' || ch > '9')) continue;
    let end = i + 1;
    while (end < text.length && /[0-9.eE+-]/.test(text[end]!)) end++;
    const literal = text.slice(i, end);
    if (/^-?\d{16,}$/.test(literal)) {
      out += `${text.slice(start, i)}"${literal}"`;
      start = end;
    }
    i = end - 1;
  }
  return JSON.parse(out + text.slice(start));
}
