export type PluralMessage = { one?: string; few?: string; many?: string; two?: string; zero?: string; other: string };
export type Message = string | PluralMessage;
export type Catalog = Record<string, Message>;
