import type { ChainReader } from '../../core/payments/chain-reader';
import type { IndexerReaderOptions } from './indexer-http';
import { createTonapiReader } from './tonapi-reader';
import { createToncenterReader } from './toncenter-reader';

/** TON_INDEXER picks the kind (toncenter also serves the local dev chain); the rest as every reader takes it. */
export interface ChainReaderConfig extends IndexerReaderOptions {
  kind: 'toncenter' | 'tonapi';
}

/** The {@link ChainReader} the configuration names. */
export function createChainReader(config: ChainReaderConfig): ChainReader {
  const { kind, ...options } = config;
  return kind === 'tonapi' ? createTonapiReader(options) : createToncenterReader(options);
}
