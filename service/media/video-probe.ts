/**
 * Reads a video's duration (and frame size when stated) from its container while the bytes stream past,
 * holding at most a bounded piece in memory: MP4/QuickTime (ISO BMFF: moov → mvhd, trak → tkhd + hdlr),
 * wherever moov sits, and WebM (EBML: Segment → Info → Duration, Tracks → Video → PixelWidth/Height),
 * whose header comes first. No ffprobe, no second read of the file.
 */

/** What the container says; null where it says nothing (e.g. a WebM recorded live has no Duration). */
export interface VideoDetails {
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
}

/** An incremental probe: feed every chunk in order, then ask for the result. */
export interface VideoProbe {
  feed(chunk: Buffer): void;
  result(): VideoDetails;
}

const NOTHING: VideoDetails = { durationSeconds: null, width: null, height: null };
/** A moov box larger than this (hours of video with many tracks) is not read; the video still uploads. */
const MAX_MOOV_BYTES = 16 * 1024 * 1024;
/** WebM puts Info and Tracks before the first Cluster, well within the first megabyte. */
const WEBM_HEAD_BYTES = 1024 * 1024;

/** A probe for the container `mimeType`. */
export function videoProbe(mimeType: string): VideoProbe {
  return mimeType === 'video/webm' ? webmProbe() : isoProbe();
}

function isoProbe(): VideoProbe {
  let pending: Buffer = Buffer.alloc(0);
  let skip = 0;
  let moov: Buffer[] | null = null;
  let moovRemaining = 0;
  let details: VideoDetails | null = null;
  let done = false;

  return {
    feed(chunk) {
      let data = chunk;
      while (!done && data.length > 0) {
        if (skip > 0) {
          const n = Math.min(skip, data.length);
          skip -= n;
          data = data.subarray(n);
          continue;
        }
        if (moov) {
          const n = Math.min(moovRemaining, data.length);
          moov.push(data.subarray(0, n));
          moovRemaining -= n;
          data = data.subarray(n);
          if (moovRemaining === 0) {
            details = parseMoov(Buffer.concat(moov));
            moov = null;
            done = true;
          }
          continue;
        }
        pending = pending.length > 0 ? Buffer.concat([pending, data]) : data;
        data = Buffer.alloc(0);
        if (pending.length < 8) return;
        let size = pending.readUInt32BE(0);
        const type = pending.toString('latin1', 4, 8);
        let header = 8;
        if (size === 1) {
          if (pending.length < 16) return;
          size = Number(pending.readBigUInt64BE(8));
          header = 16;
        }
        // size 0: the box runs to the end of the file; anything smaller than its header is corrupt.
        if (size === 0 || size < header) {
          done = true;
          return;
        }
        const rest = pending.subarray(header);
        pending = Buffer.alloc(0);
        if (type === 'moov' && size - header <= MAX_MOOV_BYTES) {
          moov = [];
          moovRemaining = size - header;
        } else {
          skip = size - header;
        }
        data = rest;
      }
    },
    result: () => details ?? NOTHING,
  };
}

/** Children of an ISO BMFF container box's body, as [type, body]. */
function* boxes(body: Buffer): Generator<[string, Buffer]> {
  let at = 0;
  while (at + 8 <= body.length) {
    let size = body.readUInt32BE(at);
    let header = 8;
    if (size === 1 && at + 16 <= body.length) {
      size = Number(body.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = body.length - at;
    }
    if (size < header || at + size > body.length) return;
    yield [body.toString('latin1', at + 4, at + 8), body.subarray(at + header, at + size)];
    at += size;
  }
}

function parseMoov(moov: Buffer): VideoDetails {
  let durationSeconds: number | null = null;
  let width: number | null = null;
  let height: number | null = null;
  for (const [type, body] of boxes(moov)) {
    if (type === 'mvhd' && body.length >= 20) {
      const v1 = body[0] === 1;
      const timescale = body.readUInt32BE(v1 ? 20 : 12);
      const duration = v1 ? Number(body.readBigUInt64BE(24)) : body.readUInt32BE(16);
      const unknown = v1 ? body.readBigUInt64BE(24) === 0xffffffffffffffffn : duration === 0xffffffff;
      if (timescale > 0 && !unknown) durationSeconds = Math.round((duration / timescale) * 1000) / 1000;
    }
    if (type === 'trak' && width === null) {
      const size = videoTrackSize(body);
      if (size) ({ width, height } = size);
    }
  }
  return { durationSeconds, width, height };
}

/** Width and height from tkhd (16.16 fixed point, last 8 bytes) when the track's handler is 'vide'. */
function videoTrackSize(trak: Buffer): { width: number; height: number } | null {
  let size: { width: number; height: number } | null = null;
  let video = false;
  for (const [type, body] of boxes(trak)) {
    if (type === 'tkhd' && body.length >= 8) {
      size = { width: body.readUInt32BE(body.length - 8) >>> 16, height: body.readUInt32BE(body.length - 4) >>> 16 };
    }
    if (type === 'mdia') {
      for (const [child, hdlr] of boxes(body)) {
        if (child === 'hdlr' && hdlr.length >= 12 && hdlr.toString('latin1', 8, 12) === 'vide') video = true;
      }
    }
  }
  return video && size && size.width > 0 && size.height > 0 ? size : null;
}

function webmProbe(): VideoProbe {
  const chunks: Buffer[] = [];
  let length = 0;
  return {
    feed(chunk) {
      if (length >= WEBM_HEAD_BYTES) return;
      chunks.push(chunk.subarray(0, WEBM_HEAD_BYTES - length));
      length += Math.min(chunk.length, WEBM_HEAD_BYTES - length);
    },
    result: () => parseWebmHead(Buffer.concat(chunks)),
  };
}

const EBML = { segment: 0x18538067, info: 0x1549a966, timecodeScale: 0x2ad7b1, duration: 0x4489, tracks: 0x1654ae6b, trackEntry: 0xae, video: 0xe0, pixelWidth: 0xb0, pixelHeight: 0xba, cluster: 0x1f43b675 };
const CONTAINERS = new Set([EBML.segment, EBML.info, EBML.tracks, EBML.trackEntry, EBML.video]);

/** Reads an EBML variable-length integer at `at`: its value (marker kept for ids) and length. */
function vint(buffer: Buffer, at: number, keepMarker: boolean): { value: number; length: number; unknown: boolean } | null {
  const first = buffer[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > buffer.length || length > 8) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let i = 1; i < length; i++) {
    value = value * 256 + buffer[at + i]!;
    if (buffer[at + i] !== 0xff) allOnes = false;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function parseWebmHead(head: Buffer): VideoDetails {
  let scale = 1_000_000;
  let duration: number | null = null;
  let width: number | null = null;
  let height: number | null = null;
  let at = 0;
  while (at < head.length) {
    const id = vint(head, at, true);
    const size = id && vint(head, at + id.length, false);
    if (!id || !size) break;
    const start = at + id.length + size.length;
    if (id.value === EBML.cluster) break;
    // Descend into containers (Segment's size is often unknown); read leaves; skip everything else.
    if (CONTAINERS.has(id.value)) {
      at = start;
      continue;
    }
    if (size.unknown || start + size.value > head.length) break;
    const body = head.subarray(start, start + size.value);
    if (id.value === EBML.timecodeScale && body.length > 0 && body.length <= 6) scale = body.readUIntBE(0, body.length);
    if (id.value === EBML.duration) duration = body.length === 4 ? body.readFloatBE(0) : body.length === 8 ? body.readDoubleBE(0) : null;
    if (id.value === EBML.pixelWidth && width === null && body.length > 0 && body.length <= 6) width = body.readUIntBE(0, body.length);
    if (id.value === EBML.pixelHeight && height === null && body.length > 0 && body.length <= 6) height = body.readUIntBE(0, body.length);
    at = start + size.value;
  }
  const durationSeconds = duration !== null && Number.isFinite(duration) && duration > 0 ? Math.round(((duration * scale) / 1e9) * 1000) / 1000 : null;
  return { durationSeconds, width: width || null, height: height || null };
}
