import { beginCell, Cell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { buildCommentCell, buildCommentPayload, readComment } from '../../../functions/core/payments/comment-payload';

describe('buildCommentPayload', () => {
  it('makes a one-root base64 BOC of op 0 followed by the UTF-8 text', () => {
    const cell = Cell.fromBase64(buildCommentPayload('bz:ABCD2345'));
    const slice = cell.beginParse();
    expect(slice.loadUint(32)).toBe(0);
    expect(slice.loadStringTail()).toBe('bz:ABCD2345');
  });

  it.each([
    ['an order comment', 'bz:ABCD2345'],
    ['an empty comment', ''],
    ['non-ASCII text', 'Оплата заказа 🛍️ — спасибо'],
    ['text longer than one cell, continued in references', 'x'.repeat(400) + 'é'.repeat(100)],
  ])('reads back %s', (_name, text) => {
    expect(readComment(buildCommentCell(text))).toBe(text);
  });
});

describe('readComment', () => {
  it.each([
    ['an empty body', beginCell().endCell()],
    ['a body shorter than an op', beginCell().storeUint(0, 16).endCell()],
    ['another op (a jetton transfer notification)', beginCell().storeUint(0x7362d09c, 32).storeUint(0, 64).endCell()],
    ['an encrypted comment', beginCell().storeUint(0x2167da4b, 32).storeBuffer(Buffer.alloc(16)).endCell()],
    [
      'bytes that are not UTF-8',
      beginCell()
        .storeUint(0, 32)
        .storeBuffer(Buffer.from([0xff, 0xfe, 0x80]))
        .endCell(),
    ],
    ['a tail with a bit count not a whole number of bytes', beginCell().storeUint(0, 32).storeUint(1, 3).endCell()],
    ['a tail with two references (not snake form)', beginCell().storeUint(0, 32).storeRef(beginCell().endCell()).storeRef(beginCell().endCell()).endCell()],
  ])('returns null for %s', (_name, body) => {
    expect(readComment(body)).toBeNull();
  });
});
