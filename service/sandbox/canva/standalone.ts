import { startStandalone, type Standalone } from '../networks/kit/standalone.js';
import { createCanvaSimulator, type CanvaSimulator, type CanvaSimulatorOptions } from './index.js';

/** A Canva simulator on its own port: `url` is its base (Canva's api.canva.com/rest is `url + '/rest'`). */
export interface StandaloneCanva extends Standalone {
  sim: CanvaSimulator;
}

/**
 * Starts a Canva simulator on 127.0.0.1 and a free port, its routes below `basePath` (default none),
 * for tests and benchmarks. Close it after use.
 */
export async function startCanvaSimulator(options: Omit<CanvaSimulatorOptions, 'baseUrl' | 'basePath'> & { basePath?: string }): Promise<StandaloneCanva> {
  const basePath = options.basePath ?? '';
  let sim: CanvaSimulator | undefined;
  const server = await startStandalone((url) => {
    sim = createCanvaSimulator({ ...options, baseUrl: url + basePath, basePath });
    return sim.router;
  });
  return { url: server.url + basePath, close: server.close, sim: sim! };
}
