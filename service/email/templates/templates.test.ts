import { describe, expect, it } from 'vitest';
import { renderEmail } from '../render.js';
import { TEMPLATE_NAMES, TEMPLATES } from './index.js';

const UNSUBSCRIBE = 'https://minopa.example/email/unsubscribe?token=abc.def';

describe('email templates', () => {
  it.each(TEMPLATE_NAMES)('%s renders a subject, an HTML and a text version, with its links and no gaps', async (name) => {
    const template = TEMPLATES[name];
    const email = await renderEmail(name, template.preview as never, UNSUBSCRIBE);
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.html).toMatch(/^<!DOCTYPE html/i);
    expect(email.text.length).toBeGreaterThan(80);
    for (const version of [email.subject, email.html, email.text]) {
      expect(version).not.toMatch(/undefined|\bnull\b|NaN|\[object Object\]/);
    }
    // Every URL the template was given is a link in the HTML and written out in the text.
    const urls = Object.values(template.preview as unknown as Record<string, unknown>).filter((value): value is string => typeof value === 'string' && value.startsWith('http'));
    for (const url of [...urls, UNSUBSCRIBE]) {
      expect(email.html).toContain(`href="${url}"`);
      expect(email.text).toContain(url);
    }
    // The person's name or the inviter's is there (friendly, not "Dear user"); alerts to the operator have none.
    const name_ = (template.preview as { firstName?: string; inviterName?: string }).firstName ?? (template.preview as { inviterName?: string }).inviterName;
    if (name !== 'privacy-request-overdue') expect(email.text).toContain(name_);
  });

  it('escapes what people typed (a name is text, never markup)', async () => {
    const email = await renderEmail(
      'invitation',
      { inviterName: '<script>alert(1)</script>', workspaceName: 'A & B', role: 'editor', acceptUrl: 'https://app.example/accept', expiresAt: 'soon' },
      UNSUBSCRIBE,
    );
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.subject).toBe('<script>alert(1)</script> invited you to A & B on Minopa');
  });

  it('words the expiry for one hour and for several', async () => {
    const one = await renderEmail('verify-email', { firstName: 'Ada', verifyUrl: 'https://app.example/v', expiresInHours: 1 }, UNSUBSCRIBE);
    const many = await renderEmail('verify-email', { firstName: 'Ada', verifyUrl: 'https://app.example/v', expiresInHours: 48 }, UNSUBSCRIBE);
    expect(one.text).toContain('expires in 1 hour.');
    expect(many.text).toContain('expires in 48 hours.');
  });

  it('lists every link prop as a secret, so production rows keep no usable link once sent', () => {
    for (const name of TEMPLATE_NAMES) {
      const links = Object.entries(TEMPLATES[name].preview as unknown as Record<string, unknown>)
        .filter(([, value]) => typeof value === 'string' && value.startsWith('http'))
        .map(([key]) => key);
      expect([...TEMPLATES[name].secrets].sort(), name).toEqual(links.sort());
    }
  });

  it('gives every template a kind, and marks exactly the emails people ask for as requested', () => {
    const requested = TEMPLATE_NAMES.filter((name) => TEMPLATES[name].requested).sort();
    expect(requested).toEqual(['account-deletion-requested', 'email-change', 'reset-password', 'verify-email']);
    expect(Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, TEMPLATES[name].kind]))).toEqual({
      'verify-email': 'account',
      'reset-password': 'account',
      'password-changed': 'security',
      'email-change': 'account',
      invitation: 'invitation',
      'post-scheduled': 'post-scheduled',
      'post-failed': 'post-failed',
      'account-reconnect': 'account',
      'integration-reconnect': 'account',
      'billing-payment-failed': 'account',
      'billing-limited': 'account',
      'legal-update': 'account',
      'security-incident': 'security',
      'privacy-request-overdue': 'account',
      'account-deletion-requested': 'account',
      'account-deletion-reminder': 'account',
    });
    // Notices about the contract itself reach even people who unsubscribed; nothing else does.
    expect(TEMPLATE_NAMES.filter((name) => TEMPLATES[name].transactional).sort()).toEqual(['account-deletion-reminder', 'billing-limited', 'billing-payment-failed', 'legal-update', 'privacy-request-overdue', 'security-incident']);
  });
});
