/** What a Meta server found at a media URL it was given. */
export type FetchedMedia = { ok: true; kind: 'jpeg' | 'png' | 'video'; bytes: number } | { ok: false; reason: string };

const LIMIT_BYTES = 100 * 1024 * 1024;

/** Recognises the media types the simulators accept by their first bytes, as Meta's fetchers do. */
export function sniff(head: Uint8Array): 'jpeg' | 'png' | 'video' | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  // MP4 / MOV: an ISO BMFF box, `ftyp` at offset 4.
  if (head[4] === 0x66 && head[5] === 0x74 && head[6] === 0x79 && head[7] === 0x70) return 'video';
  return null;
}

/**
 * Fetches a public media URL as Meta does when given `url` / `image_url` / `video_url`: it must answer
 * 200 within a few seconds with a recognisable image or video.
 */
export async function fetchMedia(url: string): Promise<FetchedMedia> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return { ok: false, reason: `the media URL answered ${response.status}` };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > LIMIT_BYTES) return { ok: false, reason: 'the media is too large' };
    const kind = sniff(bytes);
    return kind ? { ok: true, kind, bytes: bytes.length } : { ok: false, reason: 'the media is not a supported image or video' };
  } catch {
    return { ok: false, reason: 'the media could not be fetched from this URI' };
  }
}
