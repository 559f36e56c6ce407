import { WalletProofRefusedError } from '../../domain/wallet-proof';
import { tAuth } from '../../i18n/auth-i18n';
import { ApiError } from '../../platform/api-client';
import { describeError } from '../../ui/describe-error';

/** Why a sign-in or a link failed. The shop's 4xx answers carry a sentence written for people (docs/api.md). */
export function authFailureMessage(error: unknown): string {
  if (error instanceof WalletProofRefusedError) return tAuth('signIn.walletRefused');
  if (error instanceof ApiError && error.status < 500) return error.message;
  return describeError(error).message;
}

export function AuthFailure({ title, error }: { title: string; error: unknown }) {
  return (
    <div className="card auth-failure" role="alert" data-testid="auth-failure" data-code={error instanceof ApiError ? error.code : undefined}>
      <strong>{title}</strong>
      <p>{authFailureMessage(error)}</p>
    </div>
  );
}
