// Money on the client is the contract's: integer nanoton strings, formatted without floats (contract/money.ts).
export * from '../../contract/money';
