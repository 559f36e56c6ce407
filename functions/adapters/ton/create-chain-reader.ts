import type { ChainReader } from '../../core/payments/chain-reader';
import type { FetchFn, RetryPolicy } from './indexer-http';
import { createTonapiReader } from './tonapi-reader';
import { createToncenterReader } from './toncenter-reader';

export interface ChainReaderConfig {
  /** TON_INDEXER: toncenter (also the local dev chain) or tonapi. */
  kind: 'toncenter' | 'tonapi';
  /** TON_INDEXER_URL. */
  baseUrl: string;
  /** TON_API_KEY: `X-Api-Key` for toncenter, `Authorization: Bearer` for tonapi. */
  apiKey?: string;
  fetch?: FetchFn;
  retry?: Partial<RetryPolicy>;
}

/** The {@link ChainReader} the configuration names. */
export function createChainReader(config: ChainReaderConfig): ChainReader {
  const { kind, ...options } = config;
  return kind === 'tonapi' ? createTonapiReader(options) : createToncenterReader(options);
}
