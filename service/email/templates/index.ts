import { accountReconnect, type AccountReconnectProps } from './account-reconnect.js';
import { emailChange, type EmailChangeProps } from './email-change.js';
import { integrationReconnect, type IntegrationReconnectProps } from './integration-reconnect.js';
import { invitation, type InvitationProps } from './invitation.js';
import { passwordChanged, type PasswordChangedProps } from './password-changed.js';
import { postFailed, type PostFailedProps } from './post-failed.js';
import { postScheduled, type PostScheduledProps } from './post-scheduled.js';
import { resetPassword, type ResetPasswordProps } from './reset-password.js';
import type { EmailTemplate } from './types.js';
import { verifyEmail, type VerifyEmailProps } from './verify-email.js';
import { billingLimited, type BillingLimitedProps } from './billing-limited.js';
import { billingPaymentFailed, type BillingPaymentFailedProps } from './billing-payment-failed.js';
import { legalUpdate, type LegalUpdateProps } from './legal-update.js';
import { securityIncident, type SecurityIncidentProps } from './security-incident.js';
import { privacyRequestOverdue, type PrivacyRequestOverdueProps } from './privacy-request-overdue.js';
import { accountDeletionRequested, type AccountDeletionRequestedProps } from './account-deletion-requested.js';
import { accountDeletionReminder, type AccountDeletionReminderProps } from './account-deletion-reminder.js';

export type { EmailTemplate, FrameProps } from './types.js';
export type { IntegrationReconnectProps };
export type { BillingLimitedProps, BillingPaymentFailedProps };
export type { LegalUpdateProps, PrivacyRequestOverdueProps, SecurityIncidentProps };
export type { AccountDeletionReminderProps, AccountDeletionRequestedProps };
export type { AccountReconnectProps, EmailChangeProps, InvitationProps, PasswordChangedProps, PostFailedProps, PostScheduledProps, ResetPasswordProps, VerifyEmailProps };

/** Each template's props, by name. Add a line here (and to TEMPLATES) for a new template. */
export interface TemplatePropsMap {
  'verify-email': VerifyEmailProps;
  'reset-password': ResetPasswordProps;
  'password-changed': PasswordChangedProps;
  'email-change': EmailChangeProps;
  invitation: InvitationProps;
  'account-reconnect': AccountReconnectProps;
  'integration-reconnect': IntegrationReconnectProps;
  'post-scheduled': PostScheduledProps;
  'post-failed': PostFailedProps;
  'billing-payment-failed': BillingPaymentFailedProps;
  'billing-limited': BillingLimitedProps;
  'legal-update': LegalUpdateProps;
  'security-incident': SecurityIncidentProps;
  'privacy-request-overdue': PrivacyRequestOverdueProps;
  'account-deletion-requested': AccountDeletionRequestedProps;
  'account-deletion-reminder': AccountDeletionReminderProps;
}

/** The name of a template, e.g. 'verify-email'. */
export type TemplateName = keyof TemplatePropsMap;

/** The props (`data`) a template needs. */
export type TemplateData<T extends TemplateName> = TemplatePropsMap[T];

/** Every template, by name. */
export const TEMPLATES: { [T in TemplateName]: EmailTemplate<TemplateData<T>> } = {
  'verify-email': verifyEmail,
  'reset-password': resetPassword,
  'password-changed': passwordChanged,
  'email-change': emailChange,
  invitation,
  'account-reconnect': accountReconnect,
  'integration-reconnect': integrationReconnect,
  'post-scheduled': postScheduled,
  'post-failed': postFailed,
  'billing-payment-failed': billingPaymentFailed,
  'billing-limited': billingLimited,
  'legal-update': legalUpdate,
  'security-incident': securityIncident,
  'privacy-request-overdue': privacyRequestOverdue,
  'account-deletion-requested': accountDeletionRequested,
  'account-deletion-reminder': accountDeletionReminder,
};

/** Every template name, in a stable order (tests iterate over it). */
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

/** True when `name` is a known template (rows are read back from the database as plain strings). */
export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}
