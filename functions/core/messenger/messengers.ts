/**
 * The messengers the shop's bot can live in. Bale's bot API has Telegram's shape at its own address
 * (docs.bale.ai: `https://tapi.bale.ai/bot<TOKEN>/<METHOD>`, the same `{ ok, result }` envelope), so one
 * client serves both; what differs is listed here, and docs/messengers.md says why for each.
 */
export const MESSENGERS = ['telegram', 'bale'] as const;
export type Messenger = (typeof MESSENGERS)[number];

export interface MessengerTraits {
  /** Shown to people: "Open the shop from its bot in Bale". */
  displayName: string;
  /** The Bot API's address, `<botApiUrl>/bot<token>/<method>`. */
  botApiUrl: string;
  /** The Mini App SDK the page loads to talk to the messenger. */
  miniAppSdkUrl: string;
  /**
   * Whether the shop can verify the Mini App's launch data. Telegram documents it (HMAC with the bot
   * token, or Ed25519: core.telegram.org/bots/webapps); Bale's documentation, as read for #16, does not
   * say how its launch data is signed, so the shop does not trust it and the customer signs in on the
   * page (a TON wallet) instead.
   */
  verifiesLaunchData: boolean;
  /**
   * Whether the webhook's secret travels in the `X-Telegram-Bot-Api-Secret-Token` header. Bale's docs do
   * not promise that header, so for Bale the secret is the webhook URL's last path segment as well.
   */
  webhookSecretInHeader: boolean;
}

export const MESSENGER_TRAITS: Record<Messenger, MessengerTraits> = {
  telegram: {
    displayName: 'Telegram',
    botApiUrl: 'https://api.telegram.org',
    miniAppSdkUrl: 'https://telegram.org/js/telegram-web-app.js',
    verifiesLaunchData: true,
    webhookSecretInHeader: true,
  },
  bale: {
    displayName: 'Bale',
    botApiUrl: 'https://tapi.bale.ai',
    miniAppSdkUrl: 'https://tapi.bale.ai/miniapp.js',
    verifiesLaunchData: false,
    webhookSecretInHeader: false,
  },
};
