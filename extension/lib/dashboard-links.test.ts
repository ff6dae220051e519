import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { POST_ID } from '../testing/fixtures.js';
import { dashboardUrl } from './dashboard-links.js';

const base = () => `chrome-extension://${fakeBrowser.runtime.id}/dashboard.html`;

beforeEach(() => fakeBrowser.reset());

describe('dashboardUrl', () => {
  it('opens the dashboard itself without a place (the popup’s header link)', () => {
    expect(dashboardUrl()).toBe(base());
  });

  it('opens one post, given its id (the popup) or as a place (the notifications)', () => {
    expect(dashboardUrl(POST_ID)).toBe(`${base()}#post=${POST_ID}`);
    expect(dashboardUrl({ postId: POST_ID })).toBe(`${base()}#post=${POST_ID}`);
  });

  it('opens the list of failed posts', () => {
    expect(dashboardUrl({ view: 'failed' })).toBe(`${base()}#view=failed`);
  });

  it('keeps an odd id from breaking out of its hash parameter, and ignores an empty one', () => {
    expect(dashboardUrl('a&view=failed')).toBe(`${base()}#post=a%26view%3Dfailed`);
    expect(dashboardUrl('')).toBe(base());
  });
});
