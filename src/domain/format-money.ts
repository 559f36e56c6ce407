// Any amount in its currency or asset, exactly, for people (contract/format-money.ts): the admin's USDT refunds.
export { formatMoneyInLocale, MINOR_DIGITS, type MoneyCurrency } from '../../contract/format-money';
