import { DomainError } from '../domain-error';

/**
 * Any reason to refuse Telegram launch data (Mini App initData or Login Widget fields). The HTTP edge
 * answers all of them with 401; `code` says which one, `message` tells the person what to do.
 */
export class InitDataError extends DomainError {}

/**
 * The data cannot be read or lacks something it must carry: unparseable query string, a key given
 * twice, no `hash` / `signature`, no integer `auth_date`, no valid `user`.
 */
export class InitDataMalformedError extends InitDataError {
  declare readonly code: 'INIT_DATA_MALFORMED';

  /** @param problem what is wrong, as a sentence fragment for logs and for the message. */
  constructor(readonly problem: string) {
    super(
      'unauthenticated',
      'INIT_DATA_MALFORMED',
      `The sign-in data from Telegram could not be read (${problem}). Open the shop again from its bot in Telegram.`,
    );
  }
}

/** The data was not signed by Telegram for this bot, or was changed after signing. */
export class InitDataSignatureInvalidError extends InitDataError {
  declare readonly code: 'INIT_DATA_SIGNATURE_INVALID';

  constructor() {
    super(
      'unauthenticated',
      'INIT_DATA_SIGNATURE_INVALID',
      'The sign-in data was not issued by Telegram for this shop. Open the shop from its own bot in Telegram.',
    );
  }
}

/**
 * `auth_date` is older than the allowed age. Telegram Desktop has been seen handing out a stale
 * `auth_date` after a Mini App is reopened (tdesktop issues 28303, 29456), so the message asks for a
 * full close and reopen rather than a reload.
 */
export class InitDataExpiredError extends InitDataError {
  declare readonly code: 'INIT_DATA_EXPIRED';

  constructor(
    readonly authDate: number,
    readonly nowSeconds: number,
    readonly maxAgeSeconds: number,
  ) {
    super('unauthenticated', 'INIT_DATA_EXPIRED', 'Your Telegram sign-in has expired. Close the shop completely and open it again from the bot.');
  }
}

/** `auth_date` lies further ahead of the server's clock than the allowed skew. */
export class InitDataFromFutureError extends InitDataError {
  declare readonly code: 'INIT_DATA_FROM_FUTURE';

  constructor(
    readonly authDate: number,
    readonly nowSeconds: number,
    readonly maxFutureSkewSeconds: number,
  ) {
    super(
      'unauthenticated',
      'INIT_DATA_FROM_FUTURE',
      "Your Telegram sign-in is dated ahead of the shop's clock. Wait a minute and open the shop again; if it keeps happening, tell the shop's support.",
    );
  }
}

/**
 * The shop runs in a messenger whose launch data it cannot verify (core/messenger/messengers.ts): no
 * signature scheme is documented, so nothing in it is trusted, however it looks. The person signs in on
 * the page instead (a TON wallet).
 */
export class InitDataUnverifiableError extends InitDataError {
  declare readonly code: 'INIT_DATA_UNVERIFIABLE';

  constructor(readonly messenger: string) {
    super(
      'unauthenticated',
      'INIT_DATA_UNVERIFIABLE',
      `This shop cannot check ${messenger}'s sign-in data, so it does not use it. Sign in on the page with your TON wallet instead.`,
    );
  }
}
