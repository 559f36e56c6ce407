import { ConfigError } from '../../config';

/**
 * What a serverless entry answers while its settings are wrong: 503, and the list of problems in the
 * platform's log for the operator. The caller learns only that it is not their fault; the problems name
 * settings (never their values), but they are the operator's business.
 * @throws whatever is not a ConfigError
 */
export function notConfiguredResponse(error: unknown, log: (message: string) => void = (m) => console.error(m)): Response {
  if (!(error instanceof ConfigError)) throw error;
  log(error.message);
  return Response.json({ error: { code: 'NOT_CONFIGURED', message: 'The shop is not configured yet.' } }, { status: 503 });
}
