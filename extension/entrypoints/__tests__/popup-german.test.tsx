import { describe, expect, it } from 'vitest';
import { setLocale } from '../../lib/i18n/index.js';
import { byLabel, byTestId, button, click, type, until } from '../../testing/dom.js';
import { errorBody, type FakeAnswer, type ReceivedRequest } from '../../testing/fake-service.js';
import { popupHarness } from '../../testing/popup-harness.js';
import { captureResult, me, WORKSPACE_ID } from '../../testing/fixtures.js';

const X_ID = '56666666-6666-4666-8666-666666666666';
const NOW = '2025-01-01T00:00:00.000Z';

function routes(request: ReceivedRequest): FakeAnswer {
  const route = `${request.method} ${request.path.replace(/[0-9a-f-]{36}/g, ':id')}`;
  switch (route) {
    case 'GET /api/v1/me':
      return { status: 200, json: me };
    case 'GET /api/v1/workspaces':
      return { status: 200, json: { items: [{ id: WORKSPACE_ID, name: 'Adas Arbeitsbereich', role: 'owner', createdAt: NOW }] } };
    case 'GET /api/v1/workspaces/:id/accounts':
      return {
        status: 200,
        json: { items: [{ id: X_ID, workspaceId: WORKSPACE_ID, platform: 'x', kind: 'profile', remoteId: 'ada', name: 'Ada', username: 'ada_x', avatarUrl: null, status: 'active', statusReason: null, sandbox: false, connectedAt: NOW }] },
      };
    case 'GET /api/v1/workspaces/:id/schedule':
      return { status: 200, json: { timeZone: 'Europe/Berlin', postingSlots: [] } };
    case 'POST /api/v1/workspaces/:id/captures':
      return { status: 201, json: captureResult() };
    default:
      return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  }
}

const popup = popupHarness(routes);

async function openPopup() {
  await popup.openPopup('https://example.com/story', 'The story');
  await until(() => expect(byTestId('channel-x')).not.toBeNull());
}

describe('the popup in German', () => {
  it('shows the composer’s labels, actions and counters in German, and English again after switching back', async () => {
    await setLocale('de');
    await openPopup();
    expect(document.documentElement.lang).toBe('de');
    expect(byLabel<HTMLSelectElement>('Arbeitsbereich').value).toBe(WORKSPACE_ID);
    expect(byLabel('Titel').value).toBe('The story');
    expect(byTestId('media')?.querySelector('legend')?.textContent).toBe('Medien');
    await click(byTestId('channel-x')!);
    await type(byLabel<HTMLTextAreaElement>('Text'), 'a'.repeat(1234 - 1000) + '🎉');
    // 234 + 2 for the emoji = 236 of 280: 44 left.
    await until(() => expect(byTestId('counter-x')?.textContent).toBe('noch 44'));
    expect(byTestId('counter-x')?.getAttribute('aria-label')).toBe('236 von 280 Zeichen');
    expect(byTestId('when')?.textContent).toContain('Jetzt veröffentlichen');
    expect(byTestId('when')?.textContent).toContain('In die Warteschlange');
    expect(byTestId('when')?.textContent).toContain('Planen für…');
    expect(button('Entwurf speichern')).toBeTruthy();
    expect(button('Text für X bearbeiten')).toBeTruthy();
    await type(byLabel<HTMLTextAreaElement>('Text'), 'a'.repeat(1300));
    await until(() => expect(byTestId('counter-x')?.textContent).toBe('1.020 zu viel'));
    // The channel's content-rule problems (shared/publishing) in German too, numbers the German way.
    expect(byTestId('problems-x')?.textContent).toBe('X erlaubt 280 Zeichen und zählt Emoji und CJK-Zeichen doppelt: Dieser Text hat 1.300 von 280.');
    await click(byTestId('action-now')!);
    expect(byTestId('blockers')?.textContent).toBe('Beheben Sie zuerst die bei den Kanälen angezeigten Probleme.');

    await setLocale('en');
    await until(() => expect(byTestId('counter-x')?.textContent).toBe('1,020 over'));
    expect(byTestId('problems-x')?.textContent).toBe('X allows 280 characters, counting emoji and CJK characters as 2: this text is 1,300 of 280.');
    expect(document.documentElement.lang).toBe('en');
    expect(byLabel('Title').value).toBe('The story');
    expect(button('Post now')).toBeTruthy();
    expect(byTestId('blockers')?.textContent).toBe('Fix the problems shown for the channels first.');
  });

  it('confirms a saved draft in German', async () => {
    await setLocale('de');
    await openPopup();
    await click(button('Entwurf speichern'));
    await until(() => expect(byTestId('save-status')?.textContent).toBe('In Adas Arbeitsbereich gespeichert'));
    expect(button('Weiteren Beitrag schreiben')).toBeTruthy();
  });

  it('marks the moment the text box takes input, once', async () => {
    await openPopup();
    expect(byLabel<HTMLTextAreaElement>('Text').disabled).toBe(false);
    expect(performance.getEntriesByName('minopa:interactive', 'mark')).toHaveLength(1);
  });
});
