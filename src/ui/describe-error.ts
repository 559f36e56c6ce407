import { t } from '../i18n/i18n';
import { ApiError, NetworkError } from '../platform/api-client';

export type ErrorAction = 'retry' | 'reopen' | 'home';

export interface ErrorDescription {
  title: string;
  message: string;
  action: ErrorAction;
}

const NOT_FOUND_CODES = new Set(['PRODUCT_NOT_FOUND', 'ORDER_NOT_FOUND']);

/** Turns any thrown value into words a person can act on, plus the one action that helps. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) {
    // initData is signed once when Telegram opens the app; only reopening gets a fresh one
    // (Telegram Desktop has been seen reusing a stale one, tdesktop #28303).
    if (error.code === 'INIT_DATA_EXPIRED' || error.code === 'INIT_DATA_FROM_FUTURE') {
      return { title: t('error.sessionExpiredTitle'), message: t('error.sessionExpired'), action: 'reopen' };
    }
    if (error.status === 401) {
      return { title: t('error.title'), message: t('error.sessionMissing'), action: 'reopen' };
    }
    if (NOT_FOUND_CODES.has(error.code) || error.status === 404) {
      return { title: t('error.notFoundTitle'), message: error.message, action: 'home' };
    }
    if (error.status >= 500) {
      return { title: t('error.title'), message: t('error.server'), action: 'retry' };
    }
    // 4xx answers carry a sentence written for people (docs/api.md).
    return { title: t('error.title'), message: error.message, action: 'retry' };
  }
  if (error instanceof NetworkError) {
    return { title: t('error.title'), message: t('error.network'), action: 'retry' };
  }
  return { title: t('error.title'), message: t('error.server'), action: 'retry' };
}
