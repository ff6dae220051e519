/**
 * A 300 MB video uploaded through `POST /api/v1/workspaces/:id/media` to the service running in its own
 * process, against copying the same file on the same disk (the ceiling: read + write + fsync, which the
 * service also does), in interleaved rounds. While each upload runs, the service's resident memory is
 * sampled from /proc/<pid>/status every 50 ms; the peak growth over its idle level shows whether the body
 * is streamed (target: < 64 MB) rather than held in memory. Medians of the rounds are reported, except
 * the memory growth, which is the worst round's.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isoVideo, isoVideoFile } from '../service/media/testing/fixtures.js';
import { startChildServer } from './lib/child-server.js';
import { createScratchDatabase } from './lib/database.js';
import { median, report, round } from './lib/report.js';
import { signUp } from './lib/sign-up.js';

const MB = 1024 * 1024;
const FILE_MB = Number(process.env.BENCH_UPLOAD_MB ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SAMPLE_MS = 50;
const TARGET_RSS_GROWTH_MB = 64;

/** The test file, made once and kept in the temp folder for later runs: an MP4 header, FILE_MB of data and its index. */
async function benchFile(): Promise<{ path: string; size: number }> {
  const { head, tail } = isoVideo({ durationSeconds: 600, mdatBytes: FILE_MB * MB, moovAtEnd: true });
  const path = join(tmpdir(), `minopa-bench-upload-${FILE_MB}mb.mp4`);
  const size = head.length + FILE_MB * MB + tail.length;
  if ((await stat(path).catch(() => null))?.size === size) return { path, size };
  const block = randomBytes(MB);
  await pipeline(function* () {
    yield head;
    for (let i = 0; i < FILE_MB; i++) yield block.map((byte) => byte ^ i);
    yield tail;
  }, createWriteStream(path));
  return { path, size };
}

/** Resident memory of process `pid` in bytes (VmRSS). */
async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

/** Samples `pid`'s RSS every 50 ms while `work` runs; resolves with its result and the highest sample. */
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

/** Streams the file as the request body (with Content-Length, as browsers send files). */
function uploadFile(url: string, token: string, file: { path: string; size: number }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'video/mp4', 'content-length': file.size, 'x-filename': 'bench.mp4' },
    });
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    createReadStream(file.path).pipe(req);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<void> {
  const file = await benchFile();
  const dataDir = await mkdtemp(join(tmpdir(), 'minopa-bench-data-'));
  const database = await createScratchDatabase();
  const service = await startChildServer('service/main.ts', {
    DATABASE_URL: database.url, DATA_DIR: dataDir, NODE_ENV: 'production', APP_SECRET: randomBytes(32).toString('hex'), TOKEN_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`, LOG_LEVEL: 'warn', JOBS_ENABLED: 'false',
  });
  try {
    const pid = service.process.pid!;
    const { token, workspaceId } = await signUp(service.url);
    const mediaUrl = `${service.url}/api/v1/workspaces/${workspaceId}/media`;
    const remove = (id: string) => fetch(`${mediaUrl}/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    // Warm up (JIT, the upload path, sharp) with a small file.
    const warm = await fetch(mediaUrl, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: isoVideoFile({ durationSeconds: 1, mdatBytes: 4 * MB }) });
    await remove(((await warm.json()) as { id: string }).id);

    const ceiling = async (n: number) => {
      const copy = join(dataDir, `ceiling-${n}.mp4`);
      const started = performance.now();
      await pipeline(createReadStream(file.path), createWriteStream(copy, { flush: true }));
      const seconds = (performance.now() - started) / 1000;
      await rm(copy);
      return seconds;
    };
    const uploadOnce = async () => {
      await sleep(1_000);
      const idle: number[] = [];
      for (let i = 0; i < 5; i++, await sleep(SAMPLE_MS)) idle.push(await rss(pid));
      const baseline = median(idle);
      const started = performance.now();
      const { result, peak } = await whileSampling(pid, () => uploadFile(mediaUrl, token, file));
      const seconds = (performance.now() - started) / 1000;
      if (result.status !== 201) throw new Error(`upload failed: ${result.status} ${result.body}`);
      await remove((JSON.parse(result.body) as { id: string }).id);
      return { seconds, baseline, peak };
    };
    await ceiling(-1); // warm the page cache with the source file, as every later read finds it

    const rounds: Array<{ ceilingS: number; uploadS: number; baselineMB: number; peakMB: number }> = [];
    for (let n = 0; n < ROUNDS; n++) {
      // Alternate which goes first, so the disk's write-back of one does not always land on the other.
      let ceilingS: number;
      let upload: Awaited<ReturnType<typeof uploadOnce>>;
      if (n % 2 === 0) {
        ceilingS = await ceiling(n);
        upload = await uploadOnce();
      } else {
        upload = await uploadOnce();
        ceilingS = await ceiling(n);
      }
      rounds.push({ ceilingS, uploadS: upload.seconds, baselineMB: upload.baseline / MB, peakMB: upload.peak / MB });
    }

    const sizeMB = file.size / MB;
    const mbPerSecond = round(median(rounds.map((r) => sizeMB / r.uploadS)), 1);
    const ceilingMbPerSecond = round(median(rounds.map((r) => sizeMB / r.ceilingS)), 1);
    const peakRssGrowthMB = round(Math.max(...rounds.map((r) => r.peakMB - r.baselineMB)), 1);
    report(
      'upload',
      rounds.flatMap((r, index) => [
        { round: index + 1, run: `ceiling: copy ${FILE_MB} MB on disk (+fsync)`, 'MB/s': round(sizeMB / r.ceilingS, 1), seconds: round(r.ceilingS, 2), 'RSS idle MB': '', 'RSS peak MB': '' },
        {
          round: index + 1, run: `POST …/media, ${FILE_MB} MB video`, 'MB/s': round(sizeMB / r.uploadS, 1), seconds: round(r.uploadS, 2),
          'RSS idle MB': round(r.baselineMB, 1), 'RSS peak MB': round(r.peakMB, 1),
        },
      ]),
      {
        rounds: ROUNDS,
        fileMB: FILE_MB,
        mbPerSecond,
        ceilingMbPerSecond,
        ratio: round(mbPerSecond / ceilingMbPerSecond),
        peakRssGrowthMB,
        targetRssGrowthMB: TARGET_RSS_GROWTH_MB,
        meetsTarget: peakRssGrowthMB < TARGET_RSS_GROWTH_MB,
      },
    );
  } finally {
    await service.stop();
    await database.drop();
    // The generated file stays in the temp folder for later runs.
    await rm(dataDir, { recursive: true, force: true });
  }
}
