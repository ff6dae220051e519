import type { Knex } from 'knex';

/** One JSON file of an export: where it goes in the archive, what it holds (for the README), its rows. */
export interface ExportSection {
  path: string;
  describes: string;
  rows: unknown;
}

/** One media file of the person's, copied into the archive under `media/`. */
export interface ExportMedia {
  id: string;
  storageKey: string;
  path: string;
}

/**
 * Everything the service holds about a person (P27), as JSON sections: their account, sessions,
 * choices and acceptances, the workspaces they belong to, and the content they created there (posts
 * with their channels, media, imports, invitations they sent), connected accounts and integrations
 * without tokens. Other members' content is not theirs to take and is left out (P14). Passwords
 * (hashes), tokens and keys are never exported.
 */
export async function exportSections(knex: Knex, userId: string): Promise<{ sections: ExportSection[]; media: ExportMedia[] }> {
  const account = await knex('users')
    .where({ id: userId })
    .first('id', 'firstName', 'lastName', 'email', 'emailVerifiedAt', 'ageConfirmedAt', 'defaultWorkspaceId', 'avatarSource', 'createdAt', 'updatedAt', 'objectsToUsageStatistics', 'objectsToMarketing', 'processingRestrictedAt');
  const identities = await knex('externalIdentities').where({ userId }).select('provider', 'email', 'createdAt', 'lastUsedAt');
  const sessions = await knex('sessions').where({ userId }).orderBy('createdAt').select('id', 'client', 'userAgent', 'ip', 'createdAt', 'lastUsedAt', 'expiresAt', 'revokedAt');
  const workspaces = await knex('memberships as m')
    .join('workspaces as w', 'w.id', 'm.workspaceId')
    .where('m.userId', userId)
    .orderBy('m.createdAt')
    .select('w.id', 'w.name', 'm.role', 'm.createdAt as joinedAt', 'w.timeZone', 'w.postingSlots');
  const posts = await knex('posts').where({ createdBy: userId }).orderBy('createdAt').select('id', 'workspaceId', 'status', 'title', 'body', 'hashtags', 'source', 'createdAt', 'updatedAt', 'archivedAt');
  const postIds = posts.map((post: { id: string }) => post.id);
  const targets = postIds.length
    ? await knex('postTargets as t')
        .join('connectedAccounts as a', 'a.id', 't.accountId')
        .whereIn('t.postId', postIds)
        .orderBy('t.createdAt')
        .select('t.id', 't.postId', 't.platform', 'a.name as accountName', 'a.username as accountUsername', 't.status', 't.overrides', 't.dueAt', 't.remoteId', 't.remoteUrl', 't.publishedAt', 't.failureKind', 't.failureMessage', 't.createdAt')
    : [];
  const postMedia = postIds.length ? await knex('postMedia').whereIn('postId', postIds).orderBy(['postId', 'position']).select('postId', 'mediaId', 'position') : [];
  const mediaRows: Array<{ id: string; workspaceId: string; kind: string; mimeType: string; sizeBytes: string; originalFilename: string | null; storageKey: string; sourceUrl: string | null; createdAt: Date; width: number | null; height: number | null; durationSeconds: number | null }> = await knex(
    'media',
  )
    .where({ uploadedBy: userId })
    .orderBy('createdAt')
    .select('id', 'workspaceId', 'kind', 'mimeType', 'sizeBytes', 'originalFilename', 'storageKey', 'sourceUrl', 'createdAt', 'width', 'height', 'durationSeconds');
  const media: ExportMedia[] = mediaRows.map((row) => ({ id: row.id, storageKey: row.storageKey, path: `media/${row.id}${extensionOf(row.originalFilename, row.mimeType)}` }));
  const connectedAccounts = await knex('connectedAccounts')
    .where({ connectedBy: userId })
    .orderBy('createdAt')
    .select('id', 'workspaceId', 'platform', 'kind', 'name', 'username', 'avatarUrl', 'status', 'statusReason', 'sandbox', 'createdAt');
  const integrations = await knex('integrationConnections')
    .where({ userId })
    .select('provider', 'displayName', 'canvaUserId', 'canvaTeamId', 'email', 'storageLimit', 'storageUsage', 'scopes', 'status', 'connectedAt');
  const imports = await knex('imports').where({ userId }).orderBy('createdAt').select('id', 'workspaceId', 'provider', 'sourceUrl', 'format', 'status', 'title', 'postId', 'createdAt', 'finishedAt');
  const invitations = await knex('invitations').where({ invitedBy: userId }).orderBy('createdAt').select('workspaceId', 'email', 'role', 'createdAt', 'expiresAt', 'acceptedAt', 'revokedAt');
  const consents = await knex('consentRecords').where({ userId }).orderBy('decidedAt').select('functional', 'analytics', 'marketing', 'errorReports', 'policyVersion', 'source', 'decidedAt', 'expiresAt', 'expiredAt');
  const emailPreferences = await knex('emailPreferences').where({ userId }).orderBy('kind').select('kind', 'enabled', 'updatedAt');
  const legalAcceptances = await knex('legalAcceptances as a')
    .join('legalDocuments as d', 'd.id', 'a.documentId')
    .where('a.userId', userId)
    .orderBy('a.acceptedAt')
    .select('d.kind', 'd.version', 'd.title', 'a.acceptedAt', 'a.ip', 'a.userAgent');
  const privacyRequests = await knex('privacyRequests').where({ userId }).orderBy('receivedAt').select('kind', 'details', 'receivedAt', 'dueAt', 'resolvedAt', 'resolution');
  const usageEvents = await knex('usageEvents').where({ userId }).orderBy('id').select('name', 'client', 'sessionId', 'occurredAt', 'browser', 'os', 'deviceType', 'viewportWidth', 'viewportHeight', 'referrer', 'ipAnonymised');

  return {
    media,
    sections: [
      { path: 'account.json', describes: 'Your account: name, email, when you verified it and confirmed your age, your objections and restriction, and the sign-in methods linked to it.', rows: { ...account, signInMethods: identities } },
      { path: 'sessions.json', describes: 'Every device you signed in on: the app, browser, IP address, and when it was used; ended sessions included.', rows: sessions },
      { path: 'workspaces.json', describes: 'The workspaces you belong to, with your role, their time zone and posting slots.', rows: workspaces },
      { path: 'posts.json', describes: 'The posts you wrote (drafts, scheduled, published, archived), each with its channels: where it went, when, its link on the network, or why it failed.', rows: posts.map((post: { id: string }) => ({ ...post, channels: targets.filter((target: { postId: string }) => target.postId === post.id), media: postMedia.filter((item: { postId: string }) => item.postId === post.id) })) },
      { path: 'media.json', describes: 'The files you uploaded or captured, with their name, type and size; each file is in the media folder under the path given.', rows: mediaRows.map(({ storageKey: _, ...row }, index) => ({ ...row, file: media[index]!.path })) },
      { path: 'connected-accounts.json', describes: 'Social network accounts you connected: network, name, username, avatar and status. Access tokens are not included.', rows: connectedAccounts },
      { path: 'integrations.json', describes: 'Your Canva and Google Drive connections: the account details we keep. Access tokens are not included.', rows: integrations },
      { path: 'imports.json', describes: 'Designs and files you imported from Canva and Google Drive.', rows: imports },
      { path: 'invitations.json', describes: 'The invitations you sent to workspaces.', rows: invitations },
      { path: 'consents.json', describes: 'Every privacy choice you made, with its time, the Privacy Policy version and its expiry.', rows: consents },
      { path: 'email-preferences.json', describes: 'The kinds of email you turned on or off.', rows: emailPreferences },
      { path: 'legal-acceptances.json', describes: 'Which versions of the Terms and the Privacy Policy you accepted, when, from which IP address and browser.', rows: legalAcceptances },
      { path: 'privacy-requests.json', describes: 'Requests you made about your data, with their deadline and answer.', rows: privacyRequests },
      { path: 'usage-statistics.json', describes: 'The usage statistics recorded while you allowed them (features used, device, anonymised IP).', rows: usageEvents },
    ],
  };
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'video/mp4': '.mp4',
  'video/quicktime': '.mov',
  'video/webm': '.webm',
  'application/pdf': '.pdf',
};

/** The file's own extension when it has a safe one, else the one its type implies. */
function extensionOf(filename: string | null, mimeType: string): string {
  const own = /\.([a-z0-9]{1,5})$/i.exec(filename ?? '')?.[1];
  return own ? `.${own.toLowerCase()}` : (EXTENSIONS[mimeType] ?? '');
}
