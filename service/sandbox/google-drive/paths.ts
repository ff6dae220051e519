/** Where the Drive simulator is mounted in the service's sandbox mode (below PUBLIC_URL). */
export const SANDBOX_GOOGLE_DRIVE_PATH = '/sandbox/google-drive';

/**
 * The simulator's addresses relative to its base, mirroring Google's: accounts.google.com's authorize
 * page, oauth2.googleapis.com's token and revoke endpoints, and www.googleapis.com/drive/v3. A client
 * configured with `base + path` in place of each Google address cannot tell them apart.
 */
export const DRIVE_PATHS = {
  authorize: '/o/oauth2/v2/auth',
  token: '/token',
  revoke: '/revoke',
  tokeninfo: '/oauth2/v2/tokeninfo',
  api: '/drive/v3',
  /** Stands in for lh3.googleusercontent.com/drive-storage/…, where thumbnailLink addresses point. */
  thumbnails: '/drive-storage',
  /** Not Google's: the simulator's stand-in for choosing a file in the Google Picker (bearer token, `?fileId=`). */
  pick: '/picker/pick',
} as const;

const SCOPE = 'https://www.googleapis.com/auth/';

/** The Drive scopes the simulator knows (platform-apis.md §10). */
export const DRIVE_SCOPES = {
  /** Only files the person picked for (or opened with, or created with) the app. */
  file: `${SCOPE}drive.file`,
  readonly: `${SCOPE}drive.readonly`,
  full: `${SCOPE}drive`,
  metadataReadonly: `${SCOPE}drive.metadata.readonly`,
} as const;

/** Every scope an authorization request may name here; another is `invalid_scope`, as at Google. */
export const KNOWN_SCOPES = new Set<string>([
  ...Object.values(DRIVE_SCOPES),
  'openid',
  'email',
  'profile',
  `${SCOPE}userinfo.email`,
  `${SCOPE}userinfo.profile`,
]);
