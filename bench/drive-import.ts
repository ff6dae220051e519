/**
 * A large Google Drive file imported by the service running in its own process (the `run-imports` job
 * streaming `alt=media` from the Drive simulator into the library), against a plain single-request upload
 * of the same bytes to the same service (`POST …/media`, as `npm run bench -- upload` measures), in
 * interleaved rounds. While each runs, the service's resident memory is sampled every 50 ms; the peak
 * growth over its idle level shows whether the import is streamed rather than held in memory. The
 * import's throughput is measured over its download (first byte seen → done; the job's pick-up delay of up
 * to two seconds is reported apart). BENCH_DRIVE_MB sets the size (default 200), BENCH_ROUNDS the rounds (3).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoVideo, isoVideoFile } from '../service/media/testing/fixtures.js';
import { DRIVE_PATHS } from '../service/sandbox/google-drive/paths.js';
import { startDriveSimulator } from '../service/sandbox/google-drive/standalone.js';
import { startChildServer } from './lib/child-server.js';
import { createScratchDatabase } from './lib/database.js';
import { median, report, round } from './lib/report.js';
import { signUp } from './lib/sign-up.js';

const MB = 1024 * 1024;
const FILE_MB = Number(process.env.BENCH_DRIVE_MB ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SAMPLE_MS = 50;
const TARGET_RSS_GROWTH_MB = 64;
const EMAIL = 'bench.drive@example.com';

/** The file's bytes, held by the simulator (this process), never by the service: an MP4 header, FILE_MB of data, its index. */
function benchVideo(): Buffer {
  const { head, tail } = isoVideo({ durationSeconds: 600, mdatBytes: FILE_MB * MB, moovAtEnd: true });
  const bytes = Buffer.allocUnsafe(head.length + FILE_MB * MB + tail.length);
  head.copy(bytes, 0);
  const block = randomBytes(MB);
  for (let i = 0; i < FILE_MB; i++) block.copy(bytes, head.length + i * MB);
  tail.copy(bytes, head.length + FILE_MB * MB);
  return bytes;
}

async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

async function whileSampling<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = await rss(pid);
  const timer = setInterval(() => {
    rss(pid).then((value) => (peak = Math.max(peak, value)), () => undefined);
  }, SAMPLE_MS);
  try {
    const result = await work();
    peak = Math.max(peak, await rss(pid));
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<void> {
  const video = benchVideo();
  const drive = await startDriveSimulator({ clients: [{ clientId: 'google-bench', clientSecret: 'google-bench-secret' }] });
  const file = drive.sim.world.addFile(EMAIL, { name: 'bench.mp4', mimeType: 'video/mp4', content: { kind: 'bytes', bytes: video } });
  const warmFile = drive.sim.world.addFile(EMAIL, { name: 'warm.mp4', mimeType: 'video/mp4', content: { kind: 'bytes', bytes: isoVideoFile({ durationSeconds: 1, mdatBytes: 4 * MB }) } });
  const dataDir = await mkdtemp(join(tmpdir(), 'minopa-bench-data-'));
  const database = await createScratchDatabase();
  const service = await startChildServer('service/main.ts', {
    DATABASE_URL: database.url, DATA_DIR: dataDir, NODE_ENV: 'production', APP_SECRET: randomBytes(32).toString('hex'), TOKEN_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`, LOG_LEVEL: 'warn',
    // The import runs in the job; the other jobs find nothing to do.
    JOBS_ENABLED: 'true',
    GOOGLE_CLIENT_ID: 'google-bench', GOOGLE_CLIENT_SECRET: 'google-bench-secret',
    GOOGLE_AUTHORIZE_URL: drive.url + DRIVE_PATHS.authorize, GOOGLE_TOKEN_URL: drive.url + DRIVE_PATHS.token, GOOGLE_REVOKE_URL: drive.url + DRIVE_PATHS.revoke,
    GOOGLE_DRIVE_API_URL: drive.url + DRIVE_PATHS.api,
  });
  try {
    const pid = service.process.pid!;
    const { token, workspaceId } = await signUp(service.url);
    const auth = { authorization: `Bearer ${token}` };
    // Connect Drive (all files readable) as a person approving at Google would.
    const started = await fetch(`${service.url}/api/v1/me/integrations/google_drive/connect`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ access: 'readonly' }) });
    const { authorizeUrl } = (await started.json()) as { authorizeUrl: string };
    const consent = await fetch(`${authorizeUrl}&login_hint=${encodeURIComponent(EMAIL)}`, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location')!);
    const callback = await fetch(`${service.url}/api/v1/integrations/google_drive/callback?${back.searchParams}`);
    if (!callback.ok) throw new Error(`connecting Drive failed: ${callback.status}`);

    const importsUrl = `${service.url}/api/v1/workspaces/${workspaceId}/imports`;
    const mediaUrl = `${service.url}/api/v1/workspaces/${workspaceId}/media`;
    const remove = (id: string) => fetch(`${mediaUrl}/${id}`, { method: 'DELETE', headers: auth });
    const idle = async () => {
      await sleep(1_000);
      const samples: number[] = [];
      for (let i = 0; i < 5; i++, await sleep(SAMPLE_MS)) samples.push(await rss(pid));
      return median(samples);
    };

    const importOnce = async (fileId = file.id) => {
      const baseline = await idle();
      const { result, peak } = await whileSampling(pid, async () => {
        const requested = performance.now();
        const answer = await fetch(importsUrl, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ clientId: randomUUID(), source: { provider: 'google_drive', fileId }, createDraft: false }) });
        if (answer.status !== 202) throw new Error(`import refused: ${answer.status} ${await answer.text()}`);
        const { id } = (await answer.json()) as { id: string };
        let firstByte: number | null = null;
        for (;;) {
          const state = (await (await fetch(`${importsUrl}/${id}`, { headers: auth })).json()) as { status: string; receivedBytes: number; mediaIds: string[]; failure: unknown };
          if (firstByte === null && state.status === 'downloading') firstByte = performance.now();
          if (state.status === 'done') return { pickUpS: ((firstByte ?? performance.now()) - requested) / 1000, seconds: (performance.now() - (firstByte ?? requested)) / 1000, mediaId: state.mediaIds[0]! };
          if (state.status === 'failed') throw new Error(`import failed: ${JSON.stringify(state.failure)}`);
          await sleep(SAMPLE_MS);
        }
      });
      await remove(result.mediaId);
      return { ...result, baseline, peak };
    };
    const uploadOnce = async () => {
      const baseline = await idle();
      const started = performance.now();
      const { result, peak } = await whileSampling(pid, async () => {
        const response = await fetch(mediaUrl, { method: 'POST', headers: { ...auth, 'content-type': 'video/mp4', 'x-filename': 'bench.mp4' }, body: video });
        if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
        return (await response.json()) as { id: string };
      });
      const seconds = (performance.now() - started) / 1000;
      await remove(result.id);
      return { seconds, baseline, peak };
    };

    // Warm up (JIT, the import path, the job) with a small file.
    await importOnce(warmFile.id);

    const rounds: Array<{ importS: number; pickUpS: number; importGrowthMB: number; uploadS: number; uploadGrowthMB: number }> = [];
    for (let n = 0; n < ROUNDS; n++) {
      const order = n % 2 === 0 ? (['import', 'upload'] as const) : (['upload', 'import'] as const);
      let imported: Awaited<ReturnType<typeof importOnce>> | undefined;
      let uploaded: Awaited<ReturnType<typeof uploadOnce>> | undefined;
      for (const what of order) {
        if (what === 'import') imported = await importOnce();
        else uploaded = await uploadOnce();
      }
      rounds.push({
        importS: imported!.seconds, pickUpS: imported!.pickUpS, importGrowthMB: (imported!.peak - imported!.baseline) / MB,
        uploadS: uploaded!.seconds, uploadGrowthMB: (uploaded!.peak - uploaded!.baseline) / MB,
      });
    }

    const sizeMB = video.length / MB;
    const mbPerSecond = round(median(rounds.map((r) => sizeMB / r.importS)), 1);
    const uploadMbPerSecond = round(median(rounds.map((r) => sizeMB / r.uploadS)), 1);
    const peakRssGrowthMB = round(median(rounds.map((r) => r.importGrowthMB)), 1);
    report(
      'drive-import',
      rounds.flatMap((r, index) => [
        { round: index + 1, run: `Drive import, ${FILE_MB} MB video`, 'MB/s': round(sizeMB / r.importS, 1), seconds: round(r.importS, 2), 'pick-up s': round(r.pickUpS, 2), 'RSS growth MB': round(r.importGrowthMB, 1) },
        { round: index + 1, run: `baseline: POST …/media, same bytes`, 'MB/s': round(sizeMB / r.uploadS, 1), seconds: round(r.uploadS, 2), 'pick-up s': '', 'RSS growth MB': round(r.uploadGrowthMB, 1) },
      ]),
      {
        rounds: ROUNDS,
        fileMB: FILE_MB,
        mbPerSecond,
        peakRssGrowthMB,
        uploadMbPerSecond,
        uploadPeakRssGrowthMB: round(median(rounds.map((r) => r.uploadGrowthMB)), 1),
        worstPeakRssGrowthMB: round(Math.max(...rounds.map((r) => r.importGrowthMB)), 1),
        pickUpSeconds: round(median(rounds.map((r) => r.pickUpS)), 2),
        targetRssGrowthMB: TARGET_RSS_GROWTH_MB,
        meetsTarget: peakRssGrowthMB < TARGET_RSS_GROWTH_MB,
      },
    );
  } finally {
    await service.stop();
    await database.drop();
    await drive.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
