import { beginCell, type Cell, external, internal, storeMessage, toNano } from '@ton/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BocInvalidError, BocNotATransferError, parseTransferBoc } from '../../../functions/core/payments/parse-transfer-boc';
import { commentTransfer, inMessageCell, sandboxChain, sandboxWallet, seededKeyPair, type SandboxWalletVersion } from './sandbox-wallets';

const merchant = sandboxWallet('v5r1', seededKeyPair(1));
const versions: SandboxWalletVersion[] = ['v5r1', 'v4r2', 'v3r2'];

describe.each(versions)('parseTransferBoc with a real %s wallet on the sandbox', (version) => {
  const payer = sandboxWallet(version, seededKeyPair(version.charCodeAt(1) + 10));
  let sandbox: Awaited<ReturnType<typeof sandboxChain>>;

  beforeAll(async () => {
    sandbox = await sandboxChain();
    await sandbox.fund(merchant.address);
    await sandbox.fund(payer.address, toNano('50'));
  });

  it('reads payer, amount, comment, and the hash the wallet transaction records, for a first transfer with state init', async () => {
    const boc = payer.signTransfer({
      seqno: 0,
      withInit: true,
      messages: [commentTransfer(merchant.address, toNano('1.25'), 'bz:ABCD2345')],
    });
    const parsed = parseTransferBoc(boc.toBoc().toString('base64'));
    expect(parsed).toMatchObject({
      walletAddress: payer.address.toRawString(),
      walletVersion: version,
      seqno: 0,
      transfers: [{ destination: merchant.address.toRawString(), valueNano: 1_250_000_000n, comment: 'bz:ABCD2345', bounce: false }],
    });

    const result = await sandbox.chain.sendMessage(boc);
    const walletTx = result.transactions[0]!;
    expect(walletTx.inMessage?.info.type).toBe('external-in');
    expect(inMessageCell(walletTx)?.hash().toString('hex')).toBe(parsed.hashRaw);
    // The normalized hash differs: no state init, body moved into a reference.
    expect(parsed.hashNorm).not.toBe(parsed.hashRaw);
    expect(parsed.hashNorm).toMatch(/^[0-9a-f]{64}$/);
    // The merchant received what the BOC asked for.
    const merchantTx = result.transactions.find((tx) => tx.inMessage?.info.dest?.toString() === merchant.address.toString());
    expect(merchantTx?.inMessage?.info.type === 'internal' && merchantTx.inMessage.info.value.coins).toBe(1_250_000_000n);
  });

  it('gives the same normalized hash whether or not the wallet attached its state init', () => {
    const args = { seqno: 1, validUntil: 2_000_000_000, messages: [commentTransfer(merchant.address, 5n, 'bz:ABCD2345')] };
    const withInit = parseTransferBoc(
      payer
        .signTransfer({ ...args, withInit: true })
        .toBoc()
        .toString('base64'),
    );
    const without = parseTransferBoc(payer.signTransfer(args).toBoc().toString('base64'));
    expect(withInit.hashRaw).not.toBe(without.hashRaw);
    expect(withInit.hashNorm).toBe(without.hashNorm);
    expect(withInit.validUntil).toBe(2_000_000_000);
  });

  it('reads every transfer of a multi-message request, in order, with their bounce flags', () => {
    const other = sandboxWallet('v4r2', seededKeyPair(99));
    const boc = payer.signTransfer({
      seqno: 2,
      messages: [commentTransfer(merchant.address, 7n, 'bz:ABCD2345', true), internal({ to: other.address, value: 3n, bounce: false })],
    });
    expect(parseTransferBoc(boc.toBoc().toString('base64')).transfers).toEqual([
      { destination: merchant.address.toRawString(), valueNano: 7n, comment: 'bz:ABCD2345', bounce: true },
      { destination: other.address.toRawString(), valueNano: 3n, comment: null, bounce: false },
    ]);
  });
});

describe('parseTransferBoc refuses what is not a wallet transfer', () => {
  const payer = sandboxWallet('v5r1', seededKeyPair(7));
  const validBoc = payer.signTransfer({ seqno: 0, messages: [commentTransfer(merchant.address, 1n, 'bz:ABCD2345')] });
  const asBase64 = (cell: Cell) => cell.toBoc().toString('base64');
  const externalWithBody = (body: Cell) =>
    beginCell()
      .store(storeMessage(external({ to: payer.address, body })))
      .endCell();
  const internalMessage = beginCell()
    .store(
      storeMessage({
        info: {
          type: 'internal',
          src: payer.address,
          dest: merchant.address,
          value: { coins: 1n },
          bounce: false,
          bounced: false,
          ihrDisabled: true,
          ihrFee: 0n,
          forwardFee: 0n,
          createdLt: 0n,
          createdAt: 0,
        },
        body: beginCell().storeUint(0, 32).storeStringTail('bz:ABCD2345').endCell(),
      }),
    )
    .endCell();

  it('accepts base64url as well as standard base64', () => {
    const url = validBoc.toBoc().toString('base64url');
    expect(parseTransferBoc(url).hashRaw).toBe(validBoc.hash().toString('hex'));
  });

  it.each([
    ['an empty string', ''],
    ['text that is not base64', 'not a boc!'],
    ['random bytes', Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')],
    ['a truncated BOC', asBase64(validBoc).slice(0, 40)],
    ['a cell that is not a message', asBase64(beginCell().storeUint(42, 64).endCell())],
    ['an internal message', asBase64(internalMessage)],
  ])('refuses %s with BOC_INVALID', (_name, boc) => {
    expect(() => parseTransferBoc(boc)).toThrow(BocInvalidError);
    expect(() => parseTransferBoc(boc)).toThrow(expect.objectContaining({ code: 'BOC_INVALID' }));
  });

  it.each([
    ['an external message with an empty body', externalWithBody(beginCell().endCell())],
    ['an external message with a comment for a body', externalWithBody(beginCell().storeUint(0, 32).storeStringTail('hello').endCell())],
    ['a V5R1 request that sends nothing', payer.signTransfer({ seqno: 0, messages: [] })],
  ])('refuses %s with BOC_NOT_A_TRANSFER', (_name, message) => {
    expect(() => parseTransferBoc(asBase64(message))).toThrow(BocNotATransferError);
    expect(() => parseTransferBoc(asBase64(message))).toThrow(expect.objectContaining({ code: 'BOC_NOT_A_TRANSFER' }));
  });
});
