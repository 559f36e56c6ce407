/**
 * Tether's USDT jetton master on TON mainnet (tether.to lists it; TEP-74, 6 decimals). The shop's default
 * master: a payment counts only when it comes from the jetton wallet this master gives the merchant.
 * Testnet has no official USDT, so a testnet shop configures the master of the test jetton it uses.
 */
export const MAINNET_USDT_MASTER = 'EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs';
