import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerMessageHandlers } from '../../lib/messaging/handlers.js';
import { serviceUrlItem } from '../../lib/storage.js';
import { byLabel, byTestId, button, click, render, type, until } from '../../testing/dom.js';
import { errorBody, startFakeService, type FakeService, type ReceivedRequest } from '../../testing/fake-service.js';
import { me, WORKSPACE_ID } from '../../testing/fixtures.js';
import { setLocale } from '../../lib/i18n/index.js';
import { App } from '../options/App.js';
import { englishWordsOn } from './german.js';
import { resetExtension } from '../../testing/reset-extension.js';

const legal = {
  terms: { kind: 'terms', version: 't-3', title: 'Terms of Service', lastUpdated: '2025-01-01', url: '/legal/terms' },
  privacy: { kind: 'privacy', version: 'p-2', title: 'Privacy Policy', lastUpdated: '2025-01-01', url: '/legal/privacy' },
};

function routes(request: ReceivedRequest) {
  const route = `${request.method} ${request.path}`;
  if (route === 'GET /api/v1/legal') return { status: 200, json: legal };
  if (route === 'POST /api/v1/auth/sign-up') {
    const body = request.body as { email: string };
    if (body.email === 'taken@example.com') return { status: 409, json: errorBody('email_taken', 'An account with this email already exists. Sign in instead.') };
    if (!body.email.includes('@')) {
      return { status: 400, json: errorBody('validation_failed', 'Some fields are missing or not valid.', [{ path: 'email', message: 'must be an email address like name@example.com' }]) };
    }
    return { status: 201, json: { token: 'tok', expiresAt: '2099-01-01T00:00:00Z', user: me } };
  }
  if (route === 'POST /api/v1/auth/log-out') return { status: 204 };
  if (route === 'GET /api/v1/me') return { status: 200, json: me };
  if (route === 'GET /api/v1/workspaces') return { status: 200, json: { items: [{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: me.createdAt }] } };
  return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
}

let service: FakeService;
let unmount: (() => Promise<void>) | undefined;
beforeAll(async () => {
  service = await startFakeService(routes);
});
afterAll(() => service.close());
beforeEach(async () => {
  resetExtension(service);
  await serviceUrlItem.setValue(service.url);
  registerMessageHandlers();
  unmount = await render(<App />);
  await until(() => expect(byTestId('signup-form')).not.toBeNull());
});
afterEach(() => unmount?.());

async function fillSignUp(email = 'ada@example.com') {
  await type(byLabel('First name'), 'Ada');
  await type(byLabel('Last name'), 'Lovelace');
  await type(byLabel('Email'), email);
  await type(byLabel('Password'), 'correct horse battery');
}

describe('options page', () => {
  it('links the current Terms and Privacy Policy next to the consent box', async () => {
    await until(() => expect(byLabel('I accept the Terms of Service and the Privacy Policy').disabled).toBe(false));
    const links = [...document.querySelectorAll<HTMLAnchorElement>('form a')].map((link) => [link.textContent, link.href]);
    expect(links).toEqual([
      ['Terms of Service', `${service.url}/legal/terms`],
      ['Privacy Policy', `${service.url}/legal/privacy`],
    ]);
  });

  it('shows per-field errors for missing consents, then signs up and shows who is signed in', async () => {
    await fillSignUp();
    await click(button('Create account'));
    await until(() => expect(byLabel('I am 18 or older').getAttribute('aria-invalid')).toBe('true'));
    expect(byLabel('I accept the Terms of Service and the Privacy Policy').getAttribute('aria-invalid')).toBe('true');
    expect(byTestId('form-error')?.textContent).toBe('Some fields are missing or not valid.');

    await until(() => expect(byLabel('I accept the Terms of Service and the Privacy Policy').disabled).toBe(false));
    await click(byLabel('I am 18 or older'));
    await click(byLabel('I accept the Terms of Service and the Privacy Policy'));
    await click(button('Create account'));

    await until(() => expect(byTestId('signed-in-user')?.textContent).toContain('Ada Lovelace'));
    expect(byTestId('signed-in-user')?.textContent).toContain('ada@example.com');
    expect(byLabel<HTMLSelectElement>('Default workspace').value).toBe(WORKSPACE_ID);
    const signUp = service.requests.find((request) => request.path === '/api/v1/auth/sign-up');
    expect(signUp?.body).toMatchObject({ ageConfirmed: true, acceptedLegalVersions: { terms: 't-3', privacy: 'p-2' } });

    await click(button('Sign out'));
    await until(() => expect(byTestId('signup-form')).not.toBeNull());
  });

  it('puts the service’s field errors next to the field and its sentence on top', async () => {
    await fillSignUp('not-an-email');
    await until(() => expect(byLabel('I accept the Terms of Service and the Privacy Policy').disabled).toBe(false));
    await click(byLabel('I am 18 or older'));
    await click(byLabel('I accept the Terms of Service and the Privacy Policy'));
    await click(button('Create account'));
    await until(() => expect(byLabel('Email').getAttribute('aria-invalid')).toBe('true'));
    const describedBy = byLabel('Email').getAttribute('aria-describedby')!.split(' ')[0]!;
    expect(document.getElementById(describedBy)?.textContent).toBe('Email must be an email address like name@example.com.');

    await type(byLabel('Email'), 'taken@example.com');
    await click(button('Create account'));
    await until(() => expect(byTestId('form-error')?.textContent).toBe('An account with this email already exists. Sign in instead.'));
  });

  it('switches to sign-in and back', async () => {
    await click(button('I already have an account'));
    expect(byTestId('signin-form')).not.toBeNull();
    expect(button('Sign in')).toBeDefined();
    await click(button('I am new here'));
    expect(byTestId('signup-form')).not.toBeNull();
  });

  it('changes the service URL and refuses one that is not a web address', async () => {
    await type(byLabel('Service URL'), 'gopher://old');
    await click(button('Save service URL'));
    await until(() => expect(byLabel('Service URL').getAttribute('aria-invalid')).toBe('true'));
    await type(byLabel('Service URL'), 'https://minopa.example.com/');
    await click(button('Save service URL'));
    await until(async () => expect(await serviceUrlItem.getValue()).toBe('https://minopa.example.com'));
  });
});

describe('options page in German', () => {
  afterEach(() => setLocale('en'));

  it('shows the sign-up form in German, consent links and service error placement included', async () => {
    await setLocale('de');
    await until(() => expect(byLabel('Ich akzeptiere die Nutzungsbedingungen und die Datenschutzerklärung').disabled).toBe(false));
    expect(document.documentElement.lang).toBe('de');
    expect(byTestId('signup-form')?.closest('section')?.querySelector('h2')?.textContent).toBe('Ihr Minopa-Konto anlegen');
    for (const label of ['Vorname', 'Nachname', 'E-Mail', 'Passwort', 'Ich bin mindestens 18 Jahre alt']) expect(() => byLabel(label)).not.toThrow();
    expect([...document.querySelectorAll<HTMLAnchorElement>('form a')].map((link) => link.textContent)).toEqual(['Nutzungsbedingungen', 'Datenschutzerklärung']);
    expect(button('Konto anlegen')).toBeDefined();
    expect(byTestId('signup-form')!.textContent).toContain('Nutzungsbedingungen Version t-3 (01.01.2025), Datenschutzerklärung Version p-2 (01.01.2025).');
    expect(englishWordsOn(document.body)).toEqual([]);

    // A field message from the service stays in its words, joined to the German label with a colon.
    await type(byLabel('Vorname'), 'Ada');
    await type(byLabel('Nachname'), 'Lovelace');
    await type(byLabel('E-Mail'), 'no-at-sign');
    await type(byLabel('Passwort'), 'correct horse battery');
    await click(byLabel('Ich bin mindestens 18 Jahre alt'));
    await click(byLabel('Ich akzeptiere die Nutzungsbedingungen und die Datenschutzerklärung'));
    await click(button('Konto anlegen'));
    await until(() => expect(byLabel('E-Mail').getAttribute('aria-invalid')).toBe('true'));
    expect(byTestId('signup-form')!.textContent).toContain('E-Mail: must be an email address like name@example.com.');
  });

  it('switches back to English at once', async () => {
    await setLocale('de');
    await until(() => expect(() => byLabel('Vorname')).not.toThrow());
    await setLocale('en');
    await until(() => expect(() => byLabel('First name')).not.toThrow());
  });
});
