import type { AppDeps } from '../../context.js';

type ImportAvatar = (deps: Record<string, unknown>, userId: string, url: string) => Promise<void>;

// The media library owns avatars (service/media/avatar.ts). Loaded by a computed specifier so sign-in
// keeps working in a build where that module is missing (the picture is simply not imported then).
const AVATAR_MODULE = '../../media/avatar.js';
let loaded: Promise<ImportAvatar | null> | undefined;

/**
 * Stores Google's picture as the person's avatar (P1), best effort: it runs after the sign-in has
 * finished and never fails or delays it; a failure is only logged.
 */
export function importGoogleAvatar(deps: AppDeps, userId: string, pictureUrl: string): void {
  loaded ??= import(AVATAR_MODULE).then(
    (module: { importAvatarFromUrl?: ImportAvatar }) => module.importAvatarFromUrl ?? null,
    () => null,
  );
  void loaded
    .then(async (importAvatarFromUrl) => {
      if (!importAvatarFromUrl) {
        deps.logger.warn('Google picture not imported: the avatar module is not available', { userId });
        return;
      }
      await importAvatarFromUrl({ ...deps, knex: deps.db.knex }, userId, pictureUrl);
    })
    .catch((error: unknown) => deps.logger.warn('Google picture could not be imported as avatar', { userId, error }));
}
