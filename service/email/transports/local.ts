import type { Logger } from '../../logger.js';
import type { EmailTransport, OutgoingEmail, SendResult } from './types.js';

/**
 * The transport when no provider is configured: nothing leaves the machine. The email counts as sent,
 * stays readable (its outbox row is rendered again on /dev/emails outside production), and a log line
 * gives the recipient, subject and links, so a developer can click the verification link from the log.
 * In production the links are left out of the line: they are credentials (reset, verify).
 */
export function localTransport(logger: Logger, options: { includeLinks: boolean }): EmailTransport {
  return {
    name: 'local',
    async send(email: OutgoingEmail): Promise<SendResult> {
      logger.info(options.includeLinks ? `email captured locally: ${email.subject}` : 'email captured locally (RESEND_API_KEY is not set, so it was not delivered)', {
        emailId: email.id,
        to: email.to,
        subject: email.subject,
        ...(options.includeLinks ? { links: email.links, view: `/dev/emails/${email.id}` } : {}),
      });
      return { ok: true, providerMessageId: `local-${email.id}` };
    },
  };
}
