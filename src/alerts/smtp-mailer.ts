import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config/index.ts';
import type { Mailer } from './alert-types.ts';

/** Longest wait for the SMTP server at each step; a stuck server must not hold the worker. */
export const SMTP_TIMEOUT_MS = 15_000;

/**
 * Alert e-mail over SMTP with nodemailer. The password is revealed only into the transport's
 * auth; nodemailer's own logger stays off so nothing of the session reaches our logs.
 *
 * @example
 * const mailer = createSmtpMailer(config.smtp);
 * await mailer.send({ to: 'ops@example.com', subject: 'Key invalid', text: '…' });
 */
export function createSmtpMailer(config: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user && {
      auth: { user: config.user, pass: config.password?.reveal() ?? '' },
    }),
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
    logger: false,
  });
  return {
    async send(message) {
      await transport.sendMail({ from: config.from, ...message });
    },
    close: () => transport.close(),
  };
}
