export type PluralMessage = { one?: string; few?: string; many?: string; two?: string; zero?: string; other: string };
export type Message = string | PluralMessage;
export type Catalog = Record<string, Message>;
/** A translation of a whole catalog: every key of the English one, no other (en.ts is the source). */
export type Translation<Key extends string> = Record<Key, Message>;
