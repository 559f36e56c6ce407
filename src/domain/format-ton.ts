// The admin's plain "1,234.5 TON" formatting is the contract's (contract/format-ton.ts), shared with the bot's messages.
export * from '../../contract/format-ton';
