import { describe, expect, it } from 'vitest';
import { initialSettings, isRequiredOption, rememberedOptions, targetExtras } from './composer-options.js';
import { checkChannel } from './composer-rules.js';

describe('composer options', () => {
  it('reads required options and defaults from the shared schemas', () => {
    expect(isRequiredOption('pinterest', 'boardId')).toBe(true);
    expect(isRequiredOption('tiktok', 'privacyLevel')).toBe(true);
    expect(isRequiredOption('youtube', 'privacy')).toBe(false);
    expect(initialSettings('youtube').options).toEqual({ privacy: 'public', categoryId: '', madeForKids: '' });
  });

  it('starts from what was remembered, but only the choices worth remembering', () => {
    const settings = initialSettings('pinterest', { boardId: 'b1', link: 'https://old.example/' });
    expect(settings.options).toEqual({ boardId: 'b1', link: '', altText: '' });
    expect(rememberedOptions('pinterest', { ...settings, options: { ...settings.options, link: 'https://new.example/' } })).toEqual({ boardId: 'b1' });
  });

  it('sends only what was set, for networks that take it', () => {
    const settings = { title: ' Own title ', firstComment: ' ', threadParts: ['', 'Two'], options: { boardId: 'b1', link: '', altText: 'A desk' } };
    expect(targetExtras('pinterest', settings)).toEqual({ title: 'Own title', options: { boardId: 'b1', altText: 'A desk' } });
    // X has no title: a title typed for another network is not sent to it.
    expect(targetExtras('x', { ...settings, options: {} })).toEqual({ threadParts: ['Two'] });
  });

  it('checks a channel’s own title and options with the service’s rules', () => {
    const youtube = initialSettings('youtube');
    expect(checkChannel('youtube', { text: 'Hi', title: '', media: [], settings: youtube }).issues.map((issue) => issue.rule)).toEqual(['title_required', 'video_required']);
    expect(checkChannel('youtube', { text: 'Hi', title: '', media: [], settings: { ...youtube, title: 'Mine' } }).issues.map((issue) => issue.rule)).toEqual(['video_required']);
    const pinterest = checkChannel('pinterest', { text: 'Hi', title: '', media: [], settings: initialSettings('pinterest') });
    expect(pinterest.issues.find((issue) => issue.field === 'options.boardId')?.message).toBe('Pinterest option “boardId” is required: choose the board to pin to.');
  });
});
