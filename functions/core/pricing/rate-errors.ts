import { DomainError } from '../domain-error';

/** No source gave a rate recent enough to quote with: the checkout cannot name an amount, so it waits. */
export class RateUnavailableError extends DomainError {
  constructor(asset: string, currency: string) {
    super('unavailable', 'RATE_UNAVAILABLE', `No recent rate of ${asset} in ${currency} is available. Please try again in a minute.`);
  }
}
