import { Address, beginCell, type Builder, type Cell } from '@ton/core';
import { describe, expect, it } from 'vitest';
import { JettonBodyError, type JettonBodyProblem } from '../../../functions/core/payments/jetton-body-error';
import { commentForwardPayload } from '../../../functions/core/payments/jetton-forward-payload';
import { JETTON_TRANSFER_NOTIFICATION_OP, parseJettonNotification } from '../../../functions/core/payments/jetton-notification';

const PAYER = new Address(0, Buffer.alloc(32, 0x33));

/** transfer_notification#7362d09c query_id:uint64 amount:(VarUInteger 16) sender:MsgAddress, before forward_payload. */
function header(changes: { amount?: bigint; sender?: Address | null } = {}): Builder {
  return beginCell()
    .storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32)
    .storeUint(42, 64)
    .storeCoins(changes.amount ?? 12_500_000n)
    .storeAddress(changes.sender === undefined ? PAYER : changes.sender);
}

describe('parseJettonNotification', () => {
  it('reads query_id, amount, sender and the comment of a forward payload in a reference (right$1)', () => {
    const body = header().storeBit(1).storeRef(commentForwardPayload('bz:ABCD2345')).endCell();
    const notification = parseJettonNotification(body);
    expect(notification).toMatchObject({ queryId: 42n, amount: 12_500_000n, comment: 'bz:ABCD2345', forwardPayloadProblem: null });
    expect(notification.sender?.equals(PAYER)).toBe(true);
    expect(notification.forwardPayload?.form).toBe('ref');
  });

  it('reads the same comment carried inline (left$0 and the payload in the rest of the body)', () => {
    const body = header().storeBit(0).storeUint(0, 32).storeStringTail('bz:ABCD2345').endCell();
    const notification = parseJettonNotification(body);
    expect(notification.comment).toBe('bz:ABCD2345');
    expect(notification.forwardPayload?.form).toBe('inline');
  });

  it('reads an inline comment whose text continues in a reference (snake form)', () => {
    const text = 'bz:ABCD2345 ' + 'x'.repeat(200);
    const notification = parseJettonNotification(header().storeBit(0).storeUint(0, 32).storeStringTail(text).endCell());
    expect(notification.comment).toBe(text);
  });

  it.each([
    ['an empty inline payload', header().storeBit(0).endCell()],
    ['a binary payload (another op)', header().storeBit(1).storeRef(beginCell().storeUint(0xdeadbeef, 32).endCell()).endCell()],
    [
      'a payload that is not UTF-8',
      header()
        .storeBit(0)
        .storeUint(0, 32)
        .storeBuffer(Buffer.from([0xff, 0xfe]))
        .endCell(),
    ],
  ])('has no comment for %s, and still the amount', (_name, body) => {
    const notification = parseJettonNotification(body);
    expect(notification.comment).toBeNull();
    expect(notification.amount).toBe(12_500_000n);
    expect(notification.forwardPayloadProblem).toBeNull();
  });

  it('reads addr_none as no sender (a mint names none)', () => {
    expect(parseJettonNotification(header({ sender: null }).storeBit(0).endCell()).sender).toBeNull();
  });

  it.each<[string, Cell, JettonBodyProblem]>([
    ['the Either bit missing', header().endCell(), 'truncated'],
    ['"in a reference" with no reference', header().storeBit(1).endCell(), 'missing_ref'],
    ['bits after the reference', header().storeBit(1).storeRef(commentForwardPayload('bz:ABCD2345')).storeUint(3, 2).endCell(), 'trailing_data'],
  ])('keeps the amount of a notification whose forward payload is unreadable (%s) and says why', (_name, body, problem) => {
    const notification = parseJettonNotification(body);
    expect(notification).toMatchObject({ amount: 12_500_000n, comment: null, forwardPayload: null, forwardPayloadProblem: problem });
  });

  it.each<[string, Cell, JettonBodyProblem]>([
    ['an empty body', beginCell().endCell(), 'too_short'],
    ['a transfer (op 0x0f8a7ea5)', beginCell().storeUint(0x0f8a7ea5, 32).storeUint(0, 64).endCell(), 'wrong_op'],
    ['an excesses (op 0xd53276db)', beginCell().storeUint(0xd53276db, 32).storeUint(0, 64).endCell(), 'wrong_op'],
    ['a plain text comment (op 0)', beginCell().storeUint(0, 32).storeStringTail('bz:ABCD2345').endCell(), 'wrong_op'],
    ['a body cut inside query_id', beginCell().storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32).storeUint(0, 40).endCell(), 'truncated'],
    [
      'an amount whose length says more bytes than there are',
      beginCell().storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32).storeUint(0, 64).storeUint(15, 4).storeUint(1, 8).endCell(),
      'truncated',
    ],
    [
      'a sender that is not an address',
      beginCell().storeUint(JETTON_TRANSFER_NOTIFICATION_OP, 32).storeUint(0, 64).storeCoins(1n).storeUint(0b10, 2).storeUint(0, 20).endCell(),
      'bad_address',
    ],
  ])('refuses %s', (_name, body, problem) => {
    expect(() => parseJettonNotification(body)).toThrow(JettonBodyError);
    try {
      parseJettonNotification(body);
    } catch (error) {
      expect((error as JettonBodyError).problem).toBe(problem);
    }
  });
});
