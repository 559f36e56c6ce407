import { InitDataUnverifiableError } from './errors';
import type { VerifiedInitData } from './verify-init-data';

/**
 * The verifier for a messenger whose launch data has no documented signature (Bale, as its docs read
 * for #16): every `Authorization: tma …` is refused, whatever it holds, so no one is signed in by data
 * the shop cannot check. Web sign-in (ton_proof, a session cookie) is unaffected.
 */
export function refuseUnverifiableLaunchData(messenger: string): (initDataRaw: string, nowSeconds: number) => Promise<VerifiedInitData> {
  return () => Promise.reject(new InitDataUnverifiableError(messenger));
}
