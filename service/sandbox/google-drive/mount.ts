import type Router from '@koa/router';
import type { AppState } from '../../context.js';
import type { SimClient } from '../networks/kit/oauth-store.js';
import { createDriveSimulator, type DriveSimulator } from './index.js';
import { SANDBOX_GOOGLE_DRIVE_PATH } from './paths.js';
import { WORKSPACE_TYPES } from './world.js';
import { isoVideoFile, jpeg, pdf } from '../../media/testing/fixtures.js';

/**
 * Mounts the Drive simulator (and its Google OAuth) in the service at PUBLIC_URL/sandbox/google-drive
 * (sandbox mode: no Google Drive client configured, outside production), knowing the one sandbox client
 * and its redirect URI. Everyone who connects finds a few sample files, already picked for the app; any
 * other file id pasted there becomes a file of theirs that is not picked yet, so a made-up Drive link
 * shows the picker step (drive.file) before it imports.
 * The caller decides when to mount (the Drive connection's settings); not wired into the service yet.
 */
export function mountDriveSandbox(router: Router<AppState>, options: { publicUrl: string; client: SimClient }): DriveSimulator {
  const simulator = createDriveSimulator({ baseUrl: `${options.publicUrl}${SANDBOX_GOOGLE_DRIVE_PATH}`, basePath: SANDBOX_GOOGLE_DRIVE_PATH, clients: [options.client], autoCreateFiles: true });
  const seeded = new Set<string>();
  router.use(SANDBOX_GOOGLE_DRIVE_PATH, async (ctx, next) => {
    await next();
    // After a consent, give the new person something to import.
    for (const person of simulator.world.people.values()) {
      if (seeded.has(person.email)) continue;
      seeded.add(person.email);
      await seedSamples(simulator, person.email);
    }
  });
  router.use(simulator.router.routes());
  return simulator;
}

async function seedSamples(simulator: DriveSimulator, email: string): Promise<void> {
  const { world } = simulator;
  const files = [
    world.addFile(email, { name: 'Sandbox photo.jpg', mimeType: 'image/jpeg', content: { kind: 'bytes', bytes: await jpeg(1200, 800) } }),
    world.addFile(email, { name: 'Sandbox clip.mp4', mimeType: 'video/mp4', content: { kind: 'bytes', bytes: isoVideoFile({ durationSeconds: 4, width: 1280, height: 720, mdatBytes: 8192 }) } }),
    world.addFile(email, { name: 'Sandbox brief.pdf', mimeType: 'application/pdf', content: { kind: 'bytes', bytes: pdf() } }),
    world.addFile(email, { name: 'Sandbox deck', mimeType: WORKSPACE_TYPES.presentation, content: { kind: 'workspace' } }),
  ];
  for (const file of files) world.pick(email, file.id);
}
