import type { AdminCustomer } from './admin-types';

/** "Ann Lee" (or "Ann"), the way the merchant recognises a customer. */
export function customerName(customer: AdminCustomer): string {
  return [customer.firstName, customer.lastName].filter(Boolean).join(' ');
}
