/**
 * CSV as RFC 4180 describes it (www.rfc-editor.org/rfc/rfc4180): CRLF between records, a field quoted
 * when it holds a comma, a quote, CR or LF, quotes doubled inside. Spreadsheets run a cell that starts
 * with = + - @ (and tab/CR) as a formula, so such cells are written with a leading `'` (OWASP "CSV
 * injection"); a cell starting with `'` gets one too, so reading strips exactly one and every text
 * survives a round trip.
 */

const FORMULA_START = /^[=+\-@\t\r']/;

/** The cell as written to a file: made inert for spreadsheets. */
export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The cell as it was before guardCell. */
export function unguardCell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes records (the first is usually the header) as CSV text, every cell guarded, CRLF-terminated. */
export function writeCsv(records: readonly (readonly string[])[]): string {
  return records.map((record) => record.map((cell) => quoteField(guardCell(cell))).join(',') + '\r\n').join('');
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Reads CSV text into records of unguarded cells. Accepts CRLF or LF line ends, a UTF-8 BOM, and a
 * missing final line end; blank lines are skipped. An unterminated quoted field is a CsvSyntaxError
 * naming its row (1-based record number, as a spreadsheet numbers rows).
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    if (!(record.length === 1 && record[0] === '' && !fieldStarted)) records.push(record.map(unguardCell));
    record = [];
    field = '';
    fieldStarted = false;
  };
  while (i < input.length) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      fieldStarted = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new CsvSyntaxError(records.length + 1, `Row ${records.length + 1}: a quoted field is never closed.`);
  if (field !== '' || fieldStarted || record.length > 0) endRecord();
  return records;
}
