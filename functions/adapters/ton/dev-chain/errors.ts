import { DomainError } from '../../../core/domain-error';

/** The text sent to the dev chain is not a base64 BOC of one external-in message. */
export class DevChainMessageInvalidError extends DomainError {
  constructor(problem: string) {
    super('invalid', 'DEV_CHAIN_MESSAGE_INVALID', `The message could not be read: ${problem}.`);
  }
}

/** The destination contract refused the external message (bad signature, seqno used, expired…). */
export class DevChainMessageRejectedError extends DomainError {
  constructor(readonly detail: string) {
    super('invalid', 'DEV_CHAIN_MESSAGE_REJECTED', `cannot apply external message to current state: ${detail}`);
  }
}

export class DevWalletNotFoundError extends DomainError {
  constructor() {
    super('not_found', 'DEV_WALLET_NOT_FOUND', 'No such dev wallet on this dev chain (it restarts empty). Create a new one.');
  }
}

/** A transfer or faucet request the dev chain cannot carry out as asked. */
export class DevTransferInvalidError extends DomainError {
  constructor(problem: string) {
    super('invalid', 'DEV_TRANSFER_INVALID', `The transfer request is not valid: ${problem}.`);
  }
}
