import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Email, Password } from './auth.js';
import { Timestamp } from './common.js';
import { zodMessage } from '../i18n.js';

/**
 * Schemas of the account flows around sign-in: email verification, password reset, email and password
 * change, Google sign-in, and ending other sessions. (Sign-up, log-in and the Me shape are in auth.ts.)
 */

/** A token from an emailed link; its shape is checked by the service, which also answers unknown ones. */
const LinkToken = z
  .string()
  .min(1, { message: zodMessage({ en: 'must not be empty', de: 'darf nicht leer sein' }) })
  .max(200, { message: zodMessage({ en: 'is not a token from one of our links', de: 'ist kein Token aus einem unserer Links' }) })
  .meta({ description: 'The `token` of the link in the email.' });

export const VerifyEmailInput = z.strictObject({ token: LinkToken }).meta({ id: 'VerifyEmailInput' });
export type VerifyEmailInput = z.input<typeof VerifyEmailInput>;

export const ConfirmEmailChangeInput = z.strictObject({ token: LinkToken }).meta({ id: 'ConfirmEmailChangeInput' });
export type ConfirmEmailChangeInput = z.input<typeof ConfirmEmailChangeInput>;

export const PasswordResetRequestInput = z.strictObject({ email: Email }).meta({ id: 'PasswordResetRequestInput' });
export type PasswordResetRequestInput = z.input<typeof PasswordResetRequestInput>;

export const PasswordResetInput = z.strictObject({ token: LinkToken, password: Password }).meta({ id: 'PasswordResetInput' });
export type PasswordResetInput = z.input<typeof PasswordResetInput>;

/** The answer to a request whose result arrives by email; the same whatever the address. */
export const EmailAccepted = z
  .object({ message: z.string().meta({ description: 'What happens next, in a sentence to show the person.' }) })
  .meta({ id: 'EmailAccepted' });
export type EmailAccepted = z.output<typeof EmailAccepted>;

export const ChangeEmailInput = z
  .strictObject({
    email: Email,
    password: z
      .string()
      .max(LIMITS.passwordMaxLength)
      .optional()
      .meta({ description: 'The current password; required when the account has one.' }),
  })
  .meta({ id: 'ChangeEmailInput' });
export type ChangeEmailInput = z.input<typeof ChangeEmailInput>;

export const EmailChangeRequested = z
  .object({
    pendingEmail: z.string().meta({ description: 'Where the confirmation link was sent; the account keeps its email until then.' }),
    expiresAt: Timestamp,
    message: z.string(),
  })
  .meta({ id: 'EmailChangeRequested' });
export type EmailChangeRequested = z.output<typeof EmailChangeRequested>;

export const ChangePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1, { message: zodMessage({ en: 'must not be empty', de: 'darf nicht leer sein' }) }).max(LIMITS.passwordMaxLength),
    newPassword: Password,
  })
  .meta({ id: 'ChangePasswordInput' });
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

export const PasswordChanged = z
  .object({ signedOutSessions: z.number().int().meta({ description: 'How many other sessions were ended.' }) })
  .meta({ id: 'PasswordChanged' });
export type PasswordChanged = z.output<typeof PasswordChanged>;

export const SessionsRevoked = z
  .object({ revoked: z.number().int().meta({ description: 'How many sessions were ended.' }) })
  .meta({ id: 'SessionsRevoked' });
export type SessionsRevoked = z.output<typeof SessionsRevoked>;

export const GoogleExchangeInput = z
  .strictObject({
    code: z.string().min(1, { message: zodMessage({ en: 'must not be empty', de: 'darf nicht leer sein' }) }).max(200).meta({
      description: 'The one-time `code` the service put on the extension’s redirect URL after Google sign-in (valid 60 s, once).',
    }),
    client: z.string().trim().max(100).optional().meta({ description: 'Shown in the sessions list, e.g. "Minopa for Chrome".' }),
  })
  .meta({ id: 'GoogleExchangeInput' });
export type GoogleExchangeInput = z.input<typeof GoogleExchangeInput>;

export const AuthProviders = z
  .object({
    google: z.object({
      enabled: z.boolean(),
      sandbox: z.boolean().meta({ description: 'True when a local stand-in for Google answers (development); no real Google account is used.' }),
    }),
  })
  .meta({ id: 'AuthProviders' });
export type AuthProviders = z.output<typeof AuthProviders>;

/** How `GET /api/v1/auth/google/start` is asked (the extension builds this URL for launchWebAuthFlow). */
export const GOOGLE_START_PATH = '/api/v1/auth/google/start';
/** Where the service sends Google back to. */
export const GOOGLE_CALLBACK_PATH = '/api/v1/auth/google/callback';
