import { startStandalone, type Standalone } from '../networks/kit/standalone.js';
import { createDriveSimulator, type DriveSimulator, type DriveSimulatorOptions } from './index.js';

/** A Drive simulator on its own port: `url` is its base (Drive's www.googleapis.com/drive/v3 is `url + '/drive/v3'`). */
export interface StandaloneDrive extends Standalone {
  sim: DriveSimulator;
}

/**
 * Starts a Drive simulator (with its Google OAuth) on 127.0.0.1 and a free port, its routes below
 * `basePath` (default none), for tests and benchmarks. Close it after use.
 */
export async function startDriveSimulator(options: Omit<DriveSimulatorOptions, 'baseUrl' | 'basePath'> & { basePath?: string }): Promise<StandaloneDrive> {
  const basePath = options.basePath ?? '';
  let sim: DriveSimulator | undefined;
  const server = await startStandalone((url) => {
    sim = createDriveSimulator({ ...options, baseUrl: url + basePath, basePath });
    return sim.router;
  });
  return { url: server.url + basePath, close: server.close, sim: sim! };
}
