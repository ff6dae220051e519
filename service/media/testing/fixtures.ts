import sharp from 'sharp';

/**
 * Small real files made in the test itself: images drawn by sharp, and MP4/MOV/WebM containers written
 * box by box (a few hundred bytes of structure plus whatever media data the test wants), so the library's
 * type detection and probes read the same structures real files have.
 */

/** A PNG of `width` × `height` pixels. */
export function png(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } }).png().toBuffer();
}

/** A JPEG stored `width` × `height` with EXIF orientation `orientation` (6 = shown turned a quarter). */
export function jpeg(width = 64, height = 48, orientation?: number): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 220 } } }).jpeg();
  return (orientation ? image.withMetadata({ orientation }) : image).toBuffer();
}

/** A one-page PDF. */
export function pdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  );
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

function u32(...values: number[]): Buffer {
  const buffer = Buffer.alloc(4 * values.length);
  values.forEach((value, i) => buffer.writeUInt32BE(value >>> 0, i * 4));
  return buffer;
}

/** The boxes before and after the media data of an ISO BMFF video. */
export interface IsoVideo {
  /** ftyp (and moov unless `moovAtEnd`) and the mdat header: send these, then `mdatBytes` of data, then `tail`. */
  head: Buffer;
  tail: Buffer;
}

/**
 * An MP4 (brand isom) or QuickTime (brand `qt  `) file of `durationSeconds` with one `width` × `height`
 * video track and `mdatBytes` of media data; `moovAtEnd` puts the index after the data, as cameras do.
 */
export function isoVideo(options: { durationSeconds: number; width?: number; height?: number; mdatBytes: number; quicktime?: boolean; moovAtEnd?: boolean }): IsoVideo {
  const timescale = 1000;
  const duration = Math.round(options.durationSeconds * timescale);
  const brand = options.quicktime ? 'qt  ' : 'isom';
  const ftyp = box('ftyp', Buffer.from(brand, 'latin1'), u32(0x200), Buffer.from(options.quicktime ? 'qt  ' : 'isomiso2mp41', 'latin1'));
  const matrix = u32(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000);
  const mvhd = box('mvhd', u32(0, 0, 0, timescale, duration, 0x10000), Buffer.from([1, 0, 0, 0]), Buffer.alloc(8), matrix, Buffer.alloc(24), u32(2));
  const tkhd = box('tkhd', u32(3, 0, 0, 1, 0, duration), Buffer.alloc(8), Buffer.alloc(8), matrix, u32((options.width ?? 640) << 16, (options.height ?? 360) << 16));
  const hdlr = box('hdlr', u32(0, 0), Buffer.from('vide', 'latin1'), Buffer.alloc(12), Buffer.from('VideoHandler\0', 'latin1'));
  const moov = box('moov', mvhd, box('trak', tkhd, box('mdia', hdlr)));
  const mdatHeader = u32(8 + options.mdatBytes);
  const mdat = Buffer.concat([mdatHeader, Buffer.from('mdat', 'latin1')]);
  return options.moovAtEnd ? { head: Buffer.concat([ftyp, mdat]), tail: moov } : { head: Buffer.concat([ftyp, moov, mdat]), tail: Buffer.alloc(0) };
}

/** A whole small ISO BMFF video in one buffer. */
export function isoVideoFile(options: Parameters<typeof isoVideo>[0]): Buffer {
  const { head, tail } = isoVideo(options);
  return Buffer.concat([head, Buffer.alloc(options.mdatBytes, 0x11), tail]);
}

function ebml(id: number, body: Buffer): Buffer {
  const idBytes = Buffer.alloc(id < 0x100 ? 1 : id < 0x10000 ? 2 : id < 0x1000000 ? 3 : 4);
  idBytes.writeUIntBE(id, 0, idBytes.length);
  const size = Buffer.alloc(8);
  size.writeBigUInt64BE(BigInt(body.length) | (1n << 56n));
  return Buffer.concat([idBytes, size, body]);
}

/** A WebM file of `durationSeconds` with a `width` × `height` video track and one empty cluster. */
export function webm(options: { durationSeconds: number; width?: number; height?: number }): Buffer {
  const uint = (value: number) => {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(value);
    return buffer;
  };
  const float = Buffer.alloc(8);
  float.writeDoubleBE(options.durationSeconds * 1000); // in TimecodeScale units (1 ms)
  const header = ebml(0x1a45dfa3, Buffer.concat([ebml(0x4282, Buffer.from('webm')), ebml(0x4287, uint(4)), ebml(0x4285, uint(2))]));
  const info = ebml(0x1549a966, Buffer.concat([ebml(0x2ad7b1, uint(1_000_000)), ebml(0x4489, float)]));
  const video = ebml(0xe0, Buffer.concat([ebml(0xb0, uint(options.width ?? 320)), ebml(0xba, uint(options.height ?? 240))]));
  const tracks = ebml(0x1654ae6b, ebml(0xae, Buffer.concat([ebml(0xd7, uint(1)), ebml(0x83, uint(1)), ebml(0x86, Buffer.from('V_VP8')), video])));
  const cluster = ebml(0x1f43b675, Buffer.concat([ebml(0xe7, uint(0))]));
  // Segment of unknown size, as live recorders write it.
  const segmentHeader = Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
  return Buffer.concat([header, segmentHeader, info, tracks, cluster]);
}
