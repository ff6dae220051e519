import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '#shared/api/audit.js';
import { setLocale } from '../../lib/i18n/index.js';
import { describeEvent } from '../options/members/AuditLog.js';

const ada = { id: '00000000-0000-4000-8000-000000000001', firstName: 'Ada', lastName: 'Lovelace' };
const sam = { id: '00000000-0000-4000-8000-000000000002', firstName: 'Sam', lastName: 'Reyes' };
const event = (action: AuditEvent['action'], details: Record<string, unknown>, target: AuditEvent['target'] = null): AuditEvent => ({
  id: '00000000-0000-4000-8000-000000000009',
  action,
  actor: ada,
  target,
  details,
  createdAt: '2026-11-27T10:00:00Z',
});

describe('the audit log, in words', () => {
  it('says who did what to whom', () => {
    expect(describeEvent(event('member.invited', { email: 'sam@example.com', role: 'editor' }))).toBe('Ada Lovelace invited sam@example.com as editor');
    expect(describeEvent(event('member.role_changed', { from: 'editor', to: 'admin' }, sam))).toBe('Ada Lovelace changed Sam Reyes’s role from editor to admin');
    expect(describeEvent(event('ownership.transferred', {}, sam))).toBe('Ada Lovelace handed ownership to Sam Reyes');
    expect(describeEvent(event('workspace.renamed', { from: 'Old', to: 'New' }))).toBe('Ada Lovelace renamed the workspace from “Old” to “New”');
  });

  it('names a deleted account as such', () => {
    expect(describeEvent({ ...event('member.left', {}), actor: null })).toBe('A deleted account left the workspace');
  });
});

describe('the audit log, in German', () => {
  afterEach(() => setLocale('en'));

  it('says who did what in German word order, with German role names and quotes', async () => {
    await setLocale('de');
    expect(describeEvent(event('member.invited', { email: 'sam@example.com', role: 'editor' }))).toBe('Ada Lovelace hat sam@example.com als Redakteur eingeladen');
    expect(describeEvent(event('member.role_changed', { from: 'editor', to: 'admin' }, sam))).toBe('Ada Lovelace hat die Rolle von Sam Reyes von Redakteur zu Admin geändert');
    expect(describeEvent(event('workspace.renamed', { from: 'Alt', to: 'Neu' }))).toBe('Ada Lovelace hat den Arbeitsbereich von „Alt“ in „Neu“ umbenannt');
    expect(describeEvent({ ...event('member.left', {}), actor: null })).toBe('Ein gelöschtes Konto hat den Arbeitsbereich verlassen');
    expect(describeEvent(event('member.removed', {}))).toBe('Ada Lovelace hat ein Mitglied entfernt');
    expect(describeEvent(event('account.connected', { network: 'LinkedIn', name: 'Ada Pages' }))).toBe('Ada Lovelace hat das Konto Ada Pages bei LinkedIn verbunden');
    expect(describeEvent(event('account.connected', { name: 'Ada Pages' }))).toBe('Ada Lovelace hat das Konto Ada Pages verbunden');
  });
});
