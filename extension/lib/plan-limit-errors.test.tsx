import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { signedIn, WORKSPACE_ID } from '../testing/fixtures.js';
import { startFakeService, type FakeService } from '../testing/fake-service.js';
import { FormError } from '../components/FormError.js';
import { formErrors } from '../components/field-errors.js';
import { call } from './api-client.js';
import { toUiError } from './errors.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(() => service.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await signedIn(service.url);
});

const SENTENCE = 'This workspace has reached the Free plan’s limit of 5 members (invitations included). The Pro plan allows 10 members (invitations included): an owner can upgrade in Minopa’s options under Billing.';
const UPGRADE = 'http://localhost:8787/billing/plans';

/** What the UI receives for a refusal: the error thrown in the background, across the message boundary. */
async function refusal(upgradeUrl: string): Promise<unknown> {
  service.answer = () => ({ status: 402, json: { error: { code: 'plan_limit_reached', message: SENTENCE, upgradeUrl } } });
  const thrown = await call('createInvitation', { params: { workspaceId: WORKSPACE_ID }, body: { email: 'new@example.com', role: 'viewer' } }).catch((error: unknown) => error);
  return JSON.parse(JSON.stringify({ ...(thrown as object), message: (thrown as Error).message }));
}

describe('plan_limit_reached in the extension', () => {
  it('keeps the service’s sentence and upgrade address across the message boundary, and shows them with a link', async () => {
    const error = toUiError(await refusal(UPGRADE));
    expect(error).toEqual({ code: 'plan_limit_reached', message: SENTENCE, upgradeUrl: UPGRADE });
    const { summary, upgradeUrl } = formErrors(error, () => null);
    const html = renderToStaticMarkup(<FormError message={summary} upgradeUrl={upgradeUrl} testId="invite-error" />);
    expect(html).toContain(SENTENCE);
    expect(html).toContain(`<a href="${UPGRADE}" target="_blank" rel="noreferrer" data-testid="invite-error-upgrade">See the plans and upgrade</a>`);
  });

  it('never turns an address that is not http(s) into a link', async () => {
    const error = toUiError(await refusal('javascript:alert(1)'));
    expect(error).toEqual({ code: 'plan_limit_reached', message: SENTENCE });
    expect(renderToStaticMarkup(<FormError message={error.message} upgradeUrl={error.upgradeUrl} />)).not.toContain('<a');
  });
});
