import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, guardCell, parseCsv, unguardCell, writeCsv } from '../../../functions/core/admin/csv';

describe('writeCsv', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['with "quotes"', '"with ""quotes"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['', ''],
  ])('writes %j as %j', (cell, written) => {
    expect(writeCsv([[cell]])).toBe(`${written}\r\n`);
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd', "'quoted"])('makes %j inert with a leading quote', (cell) => {
    expect(guardCell(cell)).toBe(`'${cell}`);
  });

  it.each(['1', 'a=b', ' =x', 'plain'])('leaves %j as it is', (cell) => {
    expect(guardCell(cell)).toBe(cell);
  });

  it('ends every record with CRLF and separates cells with commas', () => {
    expect(
      writeCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a,b\r\nc,d\r\n');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","d ""e""","f\r\ng"\r\n1,2,3,4\r\n')).toEqual([
      ['a', 'b,c', 'd "e"', 'f\r\ng'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('accepts LF line ends, a BOM, no final line end, and skips blank lines', () => {
    expect(parseCsv('\uFEFFa,b\n\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps empty cells, trailing ones included, and a record of one quoted empty cell', () => {
    expect(parseCsv('a,,\n""\n')).toEqual([['a', '', ''], ['']]);
  });

  it('strips exactly one guard quote', () => {
    expect(parseCsv("'=1+1,''x,'y")).toEqual([['=1+1', "'x", 'y']]);
    expect(unguardCell("''")).toBe("'");
  });

  it('names the row of a quoted field that is never closed', () => {
    expect(() => parseCsv('a\nb\n"c,d')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\nb\n"c,d');
    } catch (error) {
      expect((error as CsvSyntaxError).row).toBe(3);
    }
  });

  it('round-trips any text through write and parse', () => {
    const cells = ['=cmd|x', "'", "''", '-', '+', '@', 'a,b', '"', '""', '\n', '\r\n', 'ünï ✓ کالا', ' lead', 'trail ', ''];
    const records = [cells, cells.slice().reverse()];
    expect(parseCsv(writeCsv(records))).toEqual(records);
  });
});
