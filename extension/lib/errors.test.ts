import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApiError, ExtensionError, toUiError } from './errors.js';
import { backgroundLocale } from './i18n/index.js';

afterEach(async () => {
  fakeBrowser.reset();
  await backgroundLocale();
});

describe('toUiError', () => {
  it('hides an unexpected error’s text behind a sentence in the chosen language', async () => {
    await backgroundLocale();
    expect(toUiError(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'Something went wrong in the extension. Please try again.' });
    await fakeBrowser.storage.local.set({ locale: 'de' });
    await backgroundLocale();
    expect(toUiError(new TypeError('x is undefined'))).toEqual({
      code: 'internal',
      message: 'In der Erweiterung ist etwas schiefgegangen. Bitte versuchen Sie es erneut.',
    });
  });

  it('keeps a refusal’s own sentence as it was sent, also across the message boundary', async () => {
    await fakeBrowser.storage.local.set({ locale: 'de' });
    await backgroundLocale();
    const refusal = new ApiError('forbidden', 'Your role in this workspace does not allow that.', 403);
    expect(toUiError(refusal)).toEqual({ code: 'forbidden', message: 'Your role in this workspace does not allow that.' });
    const serialized = JSON.parse(JSON.stringify({ ...new ExtensionError('cannot_capture', 'Markieren Sie zuerst Text auf der Seite.'), message: 'Markieren Sie zuerst Text auf der Seite.' }));
    expect(toUiError(serialized)).toEqual({ code: 'cannot_capture', message: 'Markieren Sie zuerst Text auf der Seite.' });
  });
});
