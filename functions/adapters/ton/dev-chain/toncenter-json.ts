import { Address, beginCell, Cell, storeStateInit, type AccountStatus, type Message, type TransactionDescription } from '@ton/core';
import { readComment } from '../../../core/payments/comment-payload';
import { decodeTransaction, type StoredMessage } from './transaction-cells';
import type { IndexedTransaction } from './transaction-index';

// Shapes follow toncenter's indexer API v3 (github.com/toncenter/ton-indexer, ton-index-go/index/models.go):
// hashes standard base64, addresses raw `0:HEX` upper case, lt / amounts / fees as decimal strings, opcode
// "0x%08x". The sandbox has no blocks: block_ref and mc_block_seqno are the dev chain's own counter.

type Json = Record<string, unknown>;

/** A toncenter v3 `Transaction` object for an indexed dev-chain transaction. */
export function toToncenterTransaction(record: IndexedTransaction): Json {
  const { tx, inMessage, outMessages } = decodeTransaction(Cell.fromBoc(record.boc)[0]!);
  return {
    account: upperRaw(record.account),
    hash: hexToBase64(record.hash),
    lt: record.lt.toString(),
    now: record.now,
    mc_block_seqno: record.mcSeqno,
    trace_id: hexToBase64(record.traceHash),
    prev_trans_hash: hexToBase64(tx.prevTransactionHash.toString(16).padStart(64, '0')),
    prev_trans_lt: tx.prevTransactionLt.toString(),
    orig_status: accountStatus(tx.oldStatus),
    end_status: accountStatus(tx.endStatus),
    total_fees: tx.totalFees.coins.toString(),
    total_fees_extra_currencies: {},
    description: description(tx.description),
    block_ref: { workchain: 0, shard: '8000000000000000', seqno: record.mcSeqno },
    in_msg: inMessage ? message(inMessage) : null,
    out_msgs: outMessages.map(message),
    account_state_before: accountState(tx.stateUpdate.oldHash),
    account_state_after: accountState(tx.stateUpdate.newHash),
    emulated: false,
    // Everything the dev chain reports is final: it has no forks and no pending blocks.
    finality: 'finalized',
  };
}

/** toncenter's `address_book`: every address in the transactions, with its user-friendly form. */
export function toncenterAddressBook(transactions: Json[], testOnly: boolean): Json {
  const book: Json = {};
  const add = (raw: unknown) => {
    if (typeof raw !== 'string' || raw in book) return;
    const friendly = Address.parseRaw(raw).toString({ bounceable: false, testOnly });
    book[raw] = { user_friendly: friendly, domain: null };
  };
  for (const tx of transactions) {
    add(tx.account);
    for (const msg of [tx.in_msg, ...(tx.out_msgs as unknown[])] as Array<Json | null>) {
      add(msg?.source);
      add(msg?.destination);
    }
  }
  return book;
}

function message({ message: msg, hash, hashNorm }: StoredMessage): Json {
  const info = msg.info;
  const internal = info.type === 'internal' ? info : null;
  const body = msg.body;
  const bodyReader = body.beginParse();
  const opcode = bodyReader.remainingBits >= 32 ? bodyReader.loadUint(32) : null;
  const comment = readComment(body);
  return {
    hash: hexToBase64(hash),
    source: info.type === 'external-in' ? null : upperRaw(info.src.toRawString()),
    destination: info.type === 'external-out' ? null : upperRaw(info.dest.toRawString()),
    value: internal ? internal.value.coins.toString() : null,
    value_extra_currencies: internal ? {} : null,
    fwd_fee: internal ? internal.forwardFee.toString() : null,
    ihr_fee: internal ? internal.ihrFee.toString() : null,
    created_lt: info.type === 'external-in' ? null : info.createdLt.toString(),
    created_at: info.type === 'external-in' ? null : String(info.createdAt),
    opcode: opcode === null ? null : `0x${opcode.toString(16).padStart(8, '0')}`,
    ihr_disabled: internal ? internal.ihrDisabled : null,
    bounce: internal ? internal.bounce : null,
    bounced: internal ? internal.bounced : null,
    import_fee: info.type === 'external-in' ? info.importFee.toString() : null,
    message_content: {
      hash: hexToBase64(body.hash().toString('hex')),
      body: body.toBoc().toString('base64'),
      decoded: comment === null ? null : { type: 'text_comment', comment },
    },
    init_state: initState(msg),
    ...(hashNorm ? { hash_norm: hexToBase64(hashNorm) } : {}),
  };
}

function initState(msg: Message): Json | null {
  if (!msg.init) return null;
  const cell = beginCell().store(storeStateInit(msg.init)).endCell();
  return { hash: cell.hash().toString('base64'), body: cell.toBoc().toString('base64') };
}

function description(d: TransactionDescription): Json {
  if (d.type !== 'generic') return { type: d.type === 'tick-tock' ? 'tick_tock' : d.type.replace(/-/g, '_') };
  const compute = d.computePhase;
  return {
    type: 'ord',
    aborted: d.aborted,
    destroyed: d.destroyed,
    credit_first: d.creditFirst,
    ...(d.storagePhase && {
      storage_ph: {
        storage_fees_collected: d.storagePhase.storageFeesCollected.toString(),
        ...(d.storagePhase.storageFeesDue != null && { storage_fees_due: d.storagePhase.storageFeesDue.toString() }),
        status_change: d.storagePhase.statusChange,
      },
    }),
    ...(d.creditPhase && { credit_ph: { credit: d.creditPhase.credit.coins.toString() } }),
    compute_ph:
      compute.type === 'skipped'
        ? { skipped: true, reason: compute.reason.replace('-', '_') }
        : {
            skipped: false,
            success: compute.success,
            msg_state_used: compute.messageStateUsed,
            account_activated: compute.accountActivated,
            gas_fees: compute.gasFees.toString(),
            gas_used: compute.gasUsed.toString(),
            gas_limit: compute.gasLimit.toString(),
            ...(compute.gasCredit != null && { gas_credit: compute.gasCredit.toString() }),
            mode: compute.mode,
            exit_code: compute.exitCode,
            ...(compute.exitArg != null && { exit_arg: compute.exitArg }),
            vm_steps: compute.vmSteps,
            vm_init_state_hash: hexToBase64(compute.vmInitStateHash.toString(16).padStart(64, '0')),
            vm_final_state_hash: hexToBase64(compute.vmFinalStateHash.toString(16).padStart(64, '0')),
          },
    ...(d.actionPhase && {
      action: {
        success: d.actionPhase.success,
        valid: d.actionPhase.valid,
        no_funds: d.actionPhase.noFunds,
        status_change: d.actionPhase.statusChange,
        ...(d.actionPhase.totalFwdFees != null && { total_fwd_fees: d.actionPhase.totalFwdFees.toString() }),
        ...(d.actionPhase.totalActionFees != null && { total_action_fees: d.actionPhase.totalActionFees.toString() }),
        result_code: d.actionPhase.resultCode,
        ...(d.actionPhase.resultArg != null && { result_arg: d.actionPhase.resultArg }),
        tot_actions: d.actionPhase.totalActions,
        spec_actions: d.actionPhase.specActions,
        skipped_actions: d.actionPhase.skippedActions,
        msgs_created: d.actionPhase.messagesCreated,
        action_list_hash: hexToBase64(d.actionPhase.actionListHash.toString(16).padStart(64, '0')),
        tot_msg_size: { cells: d.actionPhase.totalMessageSize.cells.toString(), bits: d.actionPhase.totalMessageSize.bits.toString() },
      },
    }),
    ...(d.bouncePhase && { bounce: { type: d.bouncePhase.type === 'ok' ? 'ok' : d.bouncePhase.type === 'no-funds' ? 'nofunds' : 'negfunds' } }),
  };
}

function accountState(hash: Buffer): Json {
  return { hash: hash.toString('base64'), balance: null, extra_currencies: null, account_status: null, frozen_hash: null, data_hash: null, code_hash: null };
}

// @ton/core's names → the indexer's (uninit / nonexist are what toncenter and the node call them).
function accountStatus(status: AccountStatus): string {
  return status === 'uninitialized' ? 'uninit' : status === 'non-existing' ? 'nonexist' : status;
}

function upperRaw(raw: string): string {
  const [workchain, hex] = raw.split(':');
  return `${workchain}:${hex!.toUpperCase()}`;
}

/** Standard base64 of a hash given as hex: how toncenter v3 writes every hash. */
export function hexToBase64(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64');
}
