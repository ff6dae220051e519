import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { Id, Timestamp, requiredText } from './common.js';
import { bilingual, zodMessage } from '../i18n.js';

/** An email address as a person types it; stored and compared lowercase. */
export const Email = z
  .email({ message: zodMessage({ en: 'must be an email address like name@example.com', de: 'muss eine E-Mail-Adresse wie name@example.com sein' }) })
  .max(254)
  .transform((email) => email.toLowerCase());

/** A new password (sign-up, reset, change). */
export const Password = z
  .string()
  .min(LIMITS.passwordMinLength, { message: zodMessage(bilingual({ en: 'must be at least {min} characters', de: 'muss mindestens {min} Zeichen lang sein' }, { min: LIMITS.passwordMinLength })) })
  .max(LIMITS.passwordMaxLength, { message: zodMessage(bilingual({ en: 'must be at most {max} characters', de: 'darf höchstens {max} Zeichen lang sein' }, { max: LIMITS.passwordMaxLength })) });

const ClientLabel = z
  .string()
  .trim()
  .max(100)
  .optional()
  .meta({ description: 'What the person signs in with, e.g. "Minopa for Chrome"; shown in their sessions list.' });

export const SignUpInput = z
  .strictObject({
    firstName: requiredText(LIMITS.personNameLength),
    lastName: requiredText(LIMITS.personNameLength),
    email: Email,
    password: Password,
    ageConfirmed: z.literal(true, { message: zodMessage({ en: 'you must confirm that you are 18 or older', de: 'Sie müssen bestätigen, dass Sie mindestens 18 Jahre alt sind' }) }),
    acceptedLegalVersions: z
      .strictObject({
        terms: z.string().min(1, { message: zodMessage({ en: 'accept the Terms of Service', de: 'akzeptieren Sie die Nutzungsbedingungen' }) }),
        privacy: z.string().min(1, { message: zodMessage({ en: 'accept the Privacy Policy', de: 'akzeptieren Sie die Datenschutzerklärung' }) }),
      })
      .meta({ description: 'The versions of the Terms and the Privacy Policy the person read and accepted.' }),
    client: ClientLabel,
  })
  .meta({ id: 'SignUpInput' });
export type SignUpInput = z.input<typeof SignUpInput>;

export const LogInInput = z
  .strictObject({
    email: Email,
    password: z.string().min(1, { message: zodMessage({ en: 'must not be empty', de: 'darf nicht leer sein' }) }).max(LIMITS.passwordMaxLength),
    client: ClientLabel,
  })
  .meta({ id: 'LogInInput' });
export type LogInInput = z.input<typeof LogInInput>;

export const Me = z
  .object({
    id: Id,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    hasPassword: z.boolean().meta({ description: 'False for accounts made with Google that never set a password.' }),
    avatarUrl: z.string().nullable().meta({ description: 'Signed, expiring address of the square avatar; null when there is none.' }),
    defaultWorkspaceId: Id.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Me' });
export type Me = z.output<typeof Me>;

export const AuthResult = z
  .object({
    token: z.string().meta({ description: 'Bearer token; send as `Authorization: Bearer <token>`.' }),
    expiresAt: Timestamp,
    user: Me,
  })
  .meta({ id: 'AuthResult' });
export type AuthResult = z.output<typeof AuthResult>;

export const UpdateMeInput = z
  .strictObject({
    firstName: requiredText(LIMITS.personNameLength).optional(),
    lastName: requiredText(LIMITS.personNameLength).optional(),
    defaultWorkspaceId: Id.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: zodMessage({ en: 'change at least one of firstName, lastName and defaultWorkspaceId', de: 'ändern Sie mindestens eines von firstName, lastName und defaultWorkspaceId' }),
  })
  .meta({ id: 'UpdateMeInput' });
export type UpdateMeInput = z.input<typeof UpdateMeInput>;

export const SessionInfo = z
  .object({
    id: Id,
    current: z.boolean(),
    client: z.string().nullable(),
    userAgent: z.string().nullable(),
    browser: z.string().nullable().meta({ description: 'Read from the user agent, e.g. "Chrome 126".' }),
    os: z.string().nullable().meta({ description: 'Read from the user agent, e.g. "macOS 14.5".' }),
    deviceType: z.enum(['desktop', 'mobile', 'tablet', 'other']).nullable(),
    createdAt: Timestamp,
    lastUsedAt: Timestamp,
    expiresAt: Timestamp,
  })
  .meta({ id: 'Session' });
export type SessionInfo = z.output<typeof SessionInfo>;

export const SessionList = z.object({ items: z.array(SessionInfo) });
export type SessionList = z.output<typeof SessionList>;

export const SessionParams = z.strictObject({ sessionId: Id });
