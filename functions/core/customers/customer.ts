import type { MessengerId } from '../messenger/messenger-id';
import type { DeliveryAddress } from '../delivery/delivery-details';

export interface Customer {
  id: string;
  telegramId: MessengerId | null;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
  /** The TON wallet this customer signs in with on the web (raw form `0:<hex>`), if any. */
  walletAddress: string | null;
}

/** What a verified Telegram sign-in tells us about a person. */
export interface TelegramProfile {
  telegramId: MessengerId;
  firstName: string;
  lastName?: string;
  username?: string;
  /** Absent (the Login Widget never sends it) keeps what the Mini App last told us. */
  languageCode?: string;
}

/** The customers port. Implemented in adapters/db/customer-repo.ts. */
export interface CustomerRepo {
  /** The customer with this Telegram id, created on first sight and kept up to date with the profile. */
  upsertTelegramCustomer(profile: TelegramProfile): Promise<Customer>;
  /** The customer who signs in with this wallet (raw address), created on first sight. */
  upsertWalletCustomer(walletAddress: string): Promise<Customer>;
  findById(id: string): Promise<Customer | null>;
  /**
   * Attaches a Telegram account to `customerId` as {@link planLink} decides, merging the row that held
   * it when that is safe; all in one transaction.
   * @throws IdentityInUseError, IdentityAlreadyLinkedError
   */
  linkTelegram(customerId: string, profile: TelegramProfile): Promise<Customer>;
  /** Attaches a wallet (raw address) to `customerId`, like {@link CustomerRepo.linkTelegram}. */
  linkWallet(customerId: string, walletAddress: string): Promise<Customer>;
  /**
   * Keeps the phone number (E.164) a Telegram user shared with the bot: the contact arrives as an update,
   * which only Telegram can send, so it is the number's proof. False when no customer has that Telegram id.
   */
  recordSharedPhone(telegramId: MessengerId, phoneE164: string, at: Date): Promise<boolean>;
  /**
   * Records a Telegram user's answer about offers: `optedOut` stops announcements (and every other
   * marketing message) to them until they opt in again. False when no customer has that Telegram id.
   */
  setMarketingOptOut(telegramId: MessengerId, optedOut: boolean, at: Date): Promise<boolean>;
  /** What the checkout offers to fill in: the shared phone and the addresses delivered to before (newest first). */
  readCheckoutDetails(customerId: string): Promise<{ phone: string | null; addresses: DeliveryAddress[] }>;
}
