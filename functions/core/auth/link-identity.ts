import type { MessengerId } from '../messenger/messenger-id';
import type { Customer } from '../customers/customer';
import { DomainError } from '../domain-error';

/** The identity a signed-in customer wants to attach. */
export type Identity = { kind: 'telegram'; telegramId: MessengerId } | { kind: 'wallet'; address: string };

/** What linking does to the customer rows. */
export type LinkPlan =
  /** The current customer already has exactly this identity. */
  | { action: 'none' }
  /** Nobody has it yet: set it on the current customer. */
  | { action: 'attach' }
  /** Another customer holds it and nothing else that would collide: move its orders and sessions over. */
  | { action: 'merge'; from: Customer };

/** The identity belongs to another customer that cannot be merged into this one. */
export class IdentityInUseError extends DomainError {
  declare readonly code: 'IDENTITY_IN_USE';

  constructor(kind: Identity['kind']) {
    super(
      'conflict',
      'IDENTITY_IN_USE',
      kind === 'telegram'
        ? 'This Telegram account already belongs to another customer with its own wallet. Sign in with it instead.'
        : 'This wallet already belongs to another customer with its own Telegram account. Sign in with it instead.',
    );
  }
}

/** The current customer already has a different identity of this kind; one of each is allowed. */
export class IdentityAlreadyLinkedError extends DomainError {
  declare readonly code: 'IDENTITY_ALREADY_LINKED';

  constructor(kind: Identity['kind']) {
    super(
      'conflict',
      'IDENTITY_ALREADY_LINKED',
      kind === 'telegram' ? 'Your account is already linked to another Telegram account.' : 'Your account is already linked to another wallet.',
    );
  }
}

/**
 * Decides how `current` gets `identity`, given `holder`, the customer that has it now (or null). Both
 * identities are proven in the same request (a live sign-in plus a fresh signature), so the person owns
 * both rows and merging them hands nobody else's data to anyone. A merge is refused only when the two
 * rows would end up with two identities of one kind (docs/decisions/0005).
 *
 * @throws IdentityAlreadyLinkedError, IdentityInUseError
 */
export function planLink(current: Customer, identity: Identity, holder: Customer | null): LinkPlan {
  const mine = identity.kind === 'telegram' ? current.telegramId : current.walletAddress;
  const wanted = identity.kind === 'telegram' ? identity.telegramId : identity.address;
  if (mine === wanted) return { action: 'none' };
  if (mine !== null) throw new IdentityAlreadyLinkedError(identity.kind);
  if (holder === null || holder.id === current.id) return { action: 'attach' };
  // The holder's identity of the other kind would have nowhere to go if the current customer has one too.
  const holderOther = identity.kind === 'telegram' ? holder.walletAddress : holder.telegramId;
  const currentOther = identity.kind === 'telegram' ? current.walletAddress : current.telegramId;
  if (holderOther !== null && currentOther !== null) throw new IdentityInUseError(identity.kind);
  return { action: 'merge', from: holder };
}
