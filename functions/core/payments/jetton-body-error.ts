import { DomainError } from '../domain-error';

/** Why a cell is not the jetton message it was read as; stable, for logs and attention rows. */
export type JettonBodyProblem =
  /** Fewer bits than the 32-bit op. */
  | 'too_short'
  /** Another op: not this message at all. */
  | 'wrong_op'
  /** A fixed field (query_id, amount, forward_ton_amount) runs past the end of the cell. */
  | 'truncated'
  /** An address field is not a valid MsgAddress, or is one this shop cannot pay to (external, var). */
  | 'bad_address'
  /** `custom_payload` or `forward_payload` says "in a reference" and there is none. */
  | 'missing_ref'
  /** Bits or references left after the last field, where the TL-B allows none. */
  | 'trailing_data';

/** A body that does not parse as the TEP-74 message asked for. Carries which field failed and why. */
export class JettonBodyError extends DomainError {
  constructor(
    readonly problem: JettonBodyProblem,
    detail: string,
  ) {
    super('invalid', 'JETTON_BODY_MALFORMED', `Not a valid jetton message body: ${detail}.`);
  }
}
