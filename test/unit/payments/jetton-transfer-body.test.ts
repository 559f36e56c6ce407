import { Address, beginCell, type Cell, ExternalAddress } from '@ton/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JettonBodyError, type JettonBodyProblem } from '../../../functions/core/payments/jetton-body-error';
import { commentForwardPayload, readForwardComment } from '../../../functions/core/payments/jetton-forward-payload';
import { parseJettonNotification } from '../../../functions/core/payments/jetton-notification';
import {
  buildJettonTransferBody,
  JETTON_TRANSFER_OP,
  parseJettonTransferBody,
  type JettonTransferInput,
} from '../../../functions/core/payments/jetton-transfer-body';

const OWNER_HASH = Buffer.alloc(32, 0x11);
const CUSTOMER_HASH = Buffer.alloc(32, 0x22);
const MERCHANT = new Address(0, OWNER_HASH);
const CUSTOMER = new Address(0, CUSTOMER_HASH);

/** The cell's data bits as a string of 0 and 1. */
function bitsOf(cell: Cell): string {
  let bits = '';
  for (let i = 0; i < cell.bits.length; i++) bits += cell.bits.at(i) ? '1' : '0';
  return bits;
}
const bin = (value: bigint | number, width: number) => BigInt(value).toString(2).padStart(width, '0');
const bytesBin = (bytes: Buffer) => [...bytes].map((b) => bin(b, 8)).join('');
/** addr_std$10 anycast:(Maybe Anycast)=0 workchain_id:int8 address:bits256 */
const addrStd = (workchain: number, hash: Buffer) => '10' + '0' + bin(workchain & 0xff, 8) + bytesBin(hash);

function input(changes: Partial<JettonTransferInput> = {}): JettonTransferInput {
  return {
    queryId: 0x0102030405060708n,
    amount: 12_500_000n, // 12.5 USDT in micro-USDT
    destination: MERCHANT,
    responseDestination: CUSTOMER,
    forwardTonAmountNano: 1n,
    forwardPayload: commentForwardPayload('bz:ABCD2345'),
    ...changes,
  };
}

describe('buildJettonTransferBody', () => {
  it('lays out transfer#0f8a7ea5 field by field as TEP-74 says, the forward payload in the one reference', () => {
    const body = buildJettonTransferBody(input());
    const expected = [
      bin(0x0f8a7ea5, 32), // op
      bin(0x0102030405060708n, 64), // query_id:uint64
      '0011' + bin(12_500_000, 24), // amount:(VarUInteger 16): 3 bytes long, then the bytes (0xBEBC20)
      addrStd(0, OWNER_HASH), // destination: the new owner
      addrStd(0, CUSTOMER_HASH), // response_destination
      '0', // custom_payload:(Maybe ^Cell): nothing
      '0001' + bin(1, 8), // forward_ton_amount: 1 nanoton
      '1', // forward_payload:(Either Cell ^Cell): right, in a reference
    ].join('');
    expect(bitsOf(body)).toBe(expected);
    expect(body.refs).toHaveLength(1);
    const payload = body.refs[0]!;
    expect(bitsOf(payload)).toBe(bin(0, 32) + bytesBin(Buffer.from('bz:ABCD2345', 'utf8')));
    expect(payload.refs).toHaveLength(0);
  });

  it.each([
    ['zero', 0n, '0000'],
    ['one unit', 1n, '0001' + bin(1, 8)],
    ['one USDT', 1_000_000n, '0011' + bin(1_000_000, 24)],
    ['the largest VarUInteger 16 (15 bytes)', (1n << 120n) - 1n, '1111' + '1'.repeat(120)],
  ])('stores an amount of %s as a 4-bit byte length and the bytes', (_name, amount, bits) => {
    const body = buildJettonTransferBody(input({ amount }));
    expect(bitsOf(body).slice(96, 96 + bits.length)).toBe(bits);
  });

  it('stores a missing response destination as addr_none (two zero bits) and no forward payload as left$0 with nothing after it', () => {
    const body = buildJettonTransferBody(input({ responseDestination: null, forwardPayload: null, amount: 0n, forwardTonAmountNano: 0n }));
    const afterDestination = 32 + 64 + 4 + 267;
    expect(bitsOf(body).slice(afterDestination)).toBe('00' + '0' + '0000' + '0');
    expect(body.refs).toHaveLength(0);
  });

  it.each([
    ['a negative amount', input({ amount: -1n }), /amount/],
    ['an amount of 2^120 (beyond VarUInteger 16)', input({ amount: 1n << 120n }), /amount/],
    ['a query id of 2^64', input({ queryId: 1n << 64n }), /queryId/],
    ['a negative forward amount', input({ forwardTonAmountNano: -1n }), /forwardTonAmountNano/],
  ])('refuses %s', (_name, bad, message) => {
    expect(() => buildJettonTransferBody(bad)).toThrow(RangeError);
    expect(() => buildJettonTransferBody(bad)).toThrow(message);
  });
});

describe('parseJettonTransferBody', () => {
  it('reads back every field of a body it built, the comment from the reference', () => {
    const parsed = parseJettonTransferBody(buildJettonTransferBody(input()));
    expect(parsed.queryId).toBe(0x0102030405060708n);
    expect(parsed.amount).toBe(12_500_000n);
    expect(parsed.destination.equals(MERCHANT)).toBe(true);
    expect(parsed.responseDestination?.equals(CUSTOMER)).toBe(true);
    expect(parsed.customPayload).toBeNull();
    expect(parsed.forwardTonAmountNano).toBe(1n);
    expect(parsed.forwardPayload.form).toBe('ref');
    expect(readForwardComment(parsed.forwardPayload)).toBe('bz:ABCD2345');
  });

  it('reads a forward payload carried inline (left$0, the rest of the body), as some wallets send it', () => {
    const body = header().storeBit(0).storeUint(0, 32).storeStringTail('bz:ABCD2345').endCell();
    const parsed = parseJettonTransferBody(body);
    expect(parsed.forwardPayload.form).toBe('inline');
    expect(readForwardComment(parsed.forwardPayload)).toBe('bz:ABCD2345');
  });

  it('reads a custom payload when there is one', () => {
    const custom = beginCell().storeUint(7, 8).endCell();
    const body = beginCell()
      .storeUint(JETTON_TRANSFER_OP, 32)
      .storeUint(1, 64)
      .storeCoins(5n)
      .storeAddress(MERCHANT)
      .storeAddress(null)
      .storeMaybeRef(custom)
      .storeCoins(0n)
      .storeBit(0)
      .endCell();
    const parsed = parseJettonTransferBody(body);
    expect(parsed.customPayload?.equals(custom)).toBe(true);
    expect(parsed.responseDestination).toBeNull();
    expect(readForwardComment(parsed.forwardPayload)).toBeNull();
  });

  const refused: Array<[string, Cell, JettonBodyProblem, RegExp]> = [
    ['an empty body', beginCell().endCell(), 'too_short', /32-bit op/],
    ['a transfer_notification', beginCell().storeUint(0x7362d09c, 32).storeUint(0, 64).endCell(), 'wrong_op', /0x7362d09c is not transfer/],
    ['a body cut after query_id', beginCell().storeUint(JETTON_TRANSFER_OP, 32).storeUint(1, 64).endCell(), 'truncated', /amount/],
    [
      'an external destination',
      beginCell().storeUint(JETTON_TRANSFER_OP, 32).storeUint(1, 64).storeCoins(1n).storeAddress(new ExternalAddress(5n, 8)).endCell(),
      'bad_address',
      /destination is not an internal address/,
    ],
    [
      'no destination (addr_none)',
      beginCell().storeUint(JETTON_TRANSFER_OP, 32).storeUint(1, 64).storeCoins(1n).storeAddress(null).endCell(),
      'bad_address',
      /destination/,
    ],
    ['a custom payload bit with no reference', tail().storeBit(1).storeCoins(1n).storeBit(0).endCell(), 'missing_ref', /custom_payload/],
    ['a body cut before forward_payload', tail().storeBit(0).storeCoins(1n).endCell(), 'truncated', /Either bit/],
    ['forward_payload "in a reference" with none', tail().storeBit(0).storeCoins(1n).storeBit(1).endCell(), 'missing_ref', /forward_payload/],
    [
      'data after a forward payload in a reference',
      tail().storeBit(0).storeCoins(1n).storeBit(1).storeRef(commentForwardPayload('bz:ABCD2345')).storeUint(1, 1).endCell(),
      'trailing_data',
      /follows forward_payload/,
    ],
  ];
  it.each(refused)('refuses %s, saying why', (_name, body, problem, message) => {
    const error = catchError(() => parseJettonTransferBody(body));
    expect(error).toBeInstanceOf(JettonBodyError);
    expect(error).toMatchObject({ problem, code: 'JETTON_BODY_MALFORMED' });
    expect((error as Error).message).toMatch(message);
  });
});

/** Everything up to and including forward_ton_amount, to put a forward payload after. */
function header() {
  return beginCell()
    .storeUint(JETTON_TRANSFER_OP, 32)
    .storeUint(9, 64)
    .storeCoins(12_500_000n)
    .storeAddress(MERCHANT)
    .storeAddress(CUSTOMER)
    .storeBit(0)
    .storeCoins(1n);
}

/** Everything up to response_destination, to put a custom payload after. */
function tail() {
  return beginCell().storeUint(JETTON_TRANSFER_OP, 32).storeUint(9, 64).storeCoins(1n).storeAddress(MERCHANT).storeAddress(CUSTOMER);
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('a jetton transfer, over random fields', () => {
  it('reads back exactly what was built, and a notification carrying its forward payload reads the same comment', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.bigInt({ min: 0n, max: (1n << 120n) - 1n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.option(fc.string({ maxLength: 300 }), { nil: null }),
        (queryId, amount, forwardTonAmountNano, hash, comment) => {
          const destination = new Address(0, Buffer.from(hash));
          const forwardPayload = comment === null ? null : commentForwardPayload(comment);
          const parsed = parseJettonTransferBody(
            buildJettonTransferBody({ queryId, amount, destination, responseDestination: null, forwardTonAmountNano, forwardPayload }),
          );
          expect(parsed).toMatchObject({ queryId, amount, forwardTonAmountNano, responseDestination: null, customPayload: null });
          expect(parsed.destination.equals(destination)).toBe(true);
          expect(parsed.forwardPayload.form).toBe(comment === null ? 'inline' : 'ref');
          // The jetton wallet copies forward_payload into the notification as it came.
          const notification = beginCell()
            .storeUint(0x7362d09c, 32)
            .storeUint(queryId, 64)
            .storeCoins(amount)
            .storeAddress(CUSTOMER)
            .storeBit(parsed.forwardPayload.form === 'ref')
            .storeSlice(
              parsed.forwardPayload.form === 'ref'
                ? beginCell().storeRef(parsed.forwardPayload.cell).endCell().beginParse()
                : parsed.forwardPayload.cell.beginParse(),
            )
            .endCell();
          expect(parseJettonNotification(notification).comment).toBe(comment);
        },
      ),
      { numRuns: 300 },
    );
  });
});
