import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { localTransport } from './local.js';
import { resendTransport } from './resend.js';
import type { EmailTransport } from './types.js';

export type { EmailTransport, OutgoingEmail, SendResult } from './types.js';

/** Resend when RESEND_API_KEY is set, otherwise the local capture. */
export function createTransport(config: Pick<Config, 'resendApiKey' | 'resendBaseUrl' | 'env'>, logger: Logger): EmailTransport {
  if (config.resendApiKey) return resendTransport({ apiKey: config.resendApiKey, baseUrl: config.resendBaseUrl });
  return localTransport(logger, { includeLinks: config.env !== 'production' });
}
