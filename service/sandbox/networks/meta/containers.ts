import { graphId } from './base.js';
import { fetchMedia, sniff } from './media-fetch.js';

/** A container's life on Instagram and Threads. */
export type SimContainerState = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

/** A Graph error a container operation answers with. */
export interface SimGraphFailure {
  status: number;
  code: number;
  subcode?: number;
  message: string;
}

/** Media prepared for publishing and not yet (or already) published. */
export interface SimContainer {
  id: string;
  owner: string;
  mediaType: string;
  text: string;
  mediaUrl: string | null;
  children: string[];
  isCarouselItem: boolean;
  state: SimContainerState;
  /** Why it is ERROR, in the network's words. */
  detail: string | null;
  /** Status reads a video stays IN_PROGRESS after its bytes arrived, so adapters must poll. */
  pendingPolls: number;
  /** The fetch of `mediaUrl`, while it runs. */
  work: Promise<void> | null;
  /** Resumable upload announced: IN_PROGRESS until bytes come to the upload host. */
  awaitingUpload: boolean;
  publishedId: string | null;
  createdAt: Date;
  extra: Record<string, unknown>;
}

/** A published post (Instagram media, Threads post). */
export interface SimMedia {
  id: string;
  owner: string;
  containerId: string;
  mediaType: string;
  text: string;
  createdAt: Date;
  commentCount: number;
  extra: Record<string, unknown>;
}

/** What a create request asks for, after the route read the network's parameter names. */
export interface ContainerSpec {
  mediaType: string;
  text: string;
  imageUrl?: string;
  videoUrl?: string;
  resumable?: boolean;
  children?: string[];
  isCarouselItem?: boolean;
  extra?: Record<string, unknown>;
}

const VIDEO_POLLS = 1;

/**
 * The container mechanics Instagram and Threads share: create (fetching public media URLs as Meta does,
 * or waiting for a resumable upload), status reads that advance processing, carousels of FINISHED
 * children, and publishing a FINISHED container exactly once.
 */
export function createContainerWorld(options: { jpegOnly: boolean; maxChildren: number }) {
  const containers = new Map<string, SimContainer>();
  const media = new Map<string, SimMedia>();

  const settle = (container: SimContainer, kind: ReturnType<typeof sniff>, reason: string | null, wantVideo: boolean) => {
    if (reason) return Object.assign(container, { state: 'ERROR', detail: reason });
    const ok = wantVideo ? kind === 'video' : kind === 'jpeg' || (kind === 'png' && !options.jpegOnly);
    if (!ok) return Object.assign(container, { state: 'ERROR', detail: wantVideo ? 'The video format is not supported.' : 'Only JPEG images are supported.' });
    container.state = wantVideo && container.pendingPolls > 0 ? 'IN_PROGRESS' : 'FINISHED';
  };

  return {
    containers,
    media,
    create(owner: string, spec: ContainerSpec): SimContainer | SimGraphFailure {
      const children = spec.children ?? [];
      if (spec.mediaType === 'CAROUSEL') {
        if (children.length < 2 || children.length > options.maxChildren) return { status: 400, code: 100, message: `A carousel needs 2 to ${options.maxChildren} children.` };
        const bad = children.find((id) => containers.get(id)?.owner !== owner || !containers.get(id)?.isCarouselItem || containers.get(id)?.state !== 'FINISHED');
        if (bad) return { status: 400, code: 100, message: `Child ${bad} is not a finished carousel item of this account.` };
      }
      const wantVideo = Boolean(spec.videoUrl) || (spec.resumable ?? false);
      const container: SimContainer = {
        id: graphId(),
        owner,
        mediaType: spec.mediaType,
        text: spec.text,
        mediaUrl: spec.imageUrl ?? spec.videoUrl ?? null,
        children,
        isCarouselItem: spec.isCarouselItem ?? false,
        state: 'IN_PROGRESS',
        detail: null,
        pendingPolls: wantVideo ? VIDEO_POLLS : 0,
        work: null,
        awaitingUpload: Boolean(spec.resumable),
        publishedId: null,
        createdAt: new Date(),
        extra: spec.extra ?? {},
      };
      if (container.mediaUrl) {
        container.work = fetchMedia(container.mediaUrl).then((fetched) => {
          settle(container, fetched.ok ? fetched.kind : null, fetched.ok ? null : fetched.reason, wantVideo);
          container.work = null;
        });
      } else if (!container.awaitingUpload) container.state = 'FINISHED';
      containers.set(container.id, container);
      return container;
    },
    /** Bytes of a resumable upload arrived for `id`. */
    upload(id: string, bytes: Buffer): SimContainer | SimGraphFailure {
      const container = containers.get(id);
      if (!container?.awaitingUpload) return { status: 400, code: 100, message: 'No resumable upload session for this container.' };
      container.awaitingUpload = false;
      settle(container, sniff(bytes), bytes.length ? null : 'The upload was empty.', true);
      return container;
    },
    /** A status read: waits for a running fetch, and lets time pass for processing videos. */
    async read(id: string): Promise<SimContainer | undefined> {
      const container = containers.get(id);
      if (!container) return undefined;
      await container.work;
      if (container.state === 'IN_PROGRESS' && !container.awaitingUpload) {
        if (container.pendingPolls > 0) container.pendingPolls--;
        else container.state = 'FINISHED';
      }
      return container;
    },
    publish(owner: string, creationId: string | undefined): SimMedia | SimGraphFailure {
      const container = creationId ? containers.get(creationId) : undefined;
      if (!container || container.owner !== owner) return { status: 400, code: 100, message: `Unsupported post request. Object with ID '${creationId}' does not exist` };
      if (container.state === 'IN_PROGRESS') return { status: 400, code: 9007, subcode: 2207027, message: 'Media ID is not available: the media is not ready for publishing, please wait for a moment' };
      if (container.state !== 'FINISHED') return { status: 400, code: 100, message: `The container is ${container.state} and cannot be published.` };
      container.state = 'PUBLISHED';
      const published: SimMedia = { id: graphId(), owner, containerId: container.id, mediaType: container.mediaType, text: container.text, createdAt: new Date(), commentCount: 0, extra: container.extra };
      container.publishedId = published.id;
      media.set(published.id, published);
      return published;
    },
  };
}

export type ContainerWorld = ReturnType<typeof createContainerWorld>;

export function isFailure(value: unknown): value is SimGraphFailure {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value;
}
