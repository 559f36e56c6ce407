export interface Customer {
  id: string;
  telegramId: number | null;
  firstName: string;
  lastName: string | null;
  username: string | null;
  languageCode: string | null;
}

/** What a verified Telegram sign-in tells us about a person. */
export interface TelegramProfile {
  telegramId: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

/** The customers port. Implemented in adapters/db/customer-repo.ts. */
export interface CustomerRepo {
  /** The customer with this Telegram id, created on first sight and kept up to date with the profile. */
  upsertTelegramCustomer(profile: TelegramProfile): Promise<Customer>;
}
