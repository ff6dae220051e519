import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isoVideoFile } from '../../service/media/testing/fixtures.js';

/** A 1×1 PNG: the image the image-capture test right-clicks. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A small real MP4 (3.5 s, 320 × 180): the video the video-capture test right-clicks. */
export const CLIP_MP4 = isoVideoFile({ durationSeconds: 3.5, width: 320, height: 180, mdatBytes: 64 * 1024 });

export interface TestPages {
  origin: string;
  articleUrl: string;
  canonicalUrl: string;
  imageUrl: string;
  videoUrl: string;
  linkUrl: string;
  close(): Promise<void>;
}

/**
 * Serves an article page on 127.0.0.1 with the metadata a capture reads: canonical link, Open Graph tags,
 * an author, a paragraph to select, a link and an image.
 */
export async function serveTestPages(): Promise<TestPages> {
  let origin = '';
  const server: Server = createServer((request, response) => {
    if (request.url === '/videos/clip.mp4') {
      response.writeHead(200, { 'content-type': 'video/mp4', 'content-length': CLIP_MP4.length }).end(CLIP_MP4);
      return;
    }
    if (request.url === '/images/pixel.png') {
      response.writeHead(200, { 'content-type': 'image/png' }).end(PIXEL_PNG);
      return;
    }
    if (request.url?.startsWith('/article')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ten habits of calm teams</title>
<link rel="canonical" href="${origin}/article/calm-teams">
<meta property="og:title" content="Ten habits of calm teams (OG)">
<meta property="og:description" content="What calm teams do differently.">
<meta property="og:image" content="${origin}/images/pixel.png">
<meta property="og:site_name" content="Test Journal">
<meta name="author" content="Ada Example">
</head><body>
<h1>Ten habits of calm teams</h1>
<p id="quote">Calm teams write things down before they argue about them.</p>
<p><a id="link" href="${origin}/elsewhere">Read the follow-up</a></p>
<img id="image" src="/images/pixel.png" alt="A single calm pixel" width="50" height="50">
</body></html>`);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Elsewhere</title><p>Elsewhere</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    articleUrl: `${origin}/article/calm-teams?utm_source=newsletter`,
    canonicalUrl: `${origin}/article/calm-teams`,
    imageUrl: `${origin}/images/pixel.png`,
    videoUrl: `${origin}/videos/clip.mp4`,
    linkUrl: `${origin}/elsewhere`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
