import { createHash } from 'node:crypto';
import type { SimPerson } from '../kit/directory.js';

/** A simulated Facebook Page a person has a role on. */
export interface SimPage {
  id: string;
  name: string;
  username: string | null;
  /** The person (username) whose login lists it. */
  owner: string;
  /** What their role lets them do; only CREATE_CONTENT Pages can be published to. */
  tasks: string[];
}

/** Anything on a Page the Graph API can address by id. */
export interface FbObject {
  id: string;
  kind: 'photo' | 'post' | 'video' | 'comment';
  pageId: string;
  message: string;
  createdAt: Date;
  /** Photos staged with published=false until a post attaches them. */
  published: boolean;
  imageUrl?: string;
  /** Videos: processing state and the polls left before it is ready. */
  videoStatus?: 'processing' | 'ready' | 'error';
  fetching?: Promise<void>;
  pendingPolls?: number;
  commentCount: number;
}

const pageId = (owner: string, n: number) => BigInt(`0x${createHash('sha256').update(`${owner}:page:${n}`).digest('hex').slice(0, 14)}`).toString();

/**
 * The Facebook simulator's state: each person who consents manages two Pages — one they can post to and
 * one where their role only allows insights (so the Page picker has something to filter) — and the
 * objects published on them.
 */
export function createFacebookWorld() {
  const pages = new Map<string, SimPage>();
  const objects = new Map<string, FbObject>();
  return {
    objects,
    pagesOf(person: SimPerson): SimPage[] {
      const own: SimPage[] = [
        { id: pageId(person.username, 1), name: person.name, username: person.username, owner: person.username, tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'] },
        { id: pageId(person.username, 2), name: `${person.name} Fans`, username: null, owner: person.username, tasks: ['ANALYZE'] },
      ];
      for (const page of own) pages.set(page.id, page);
      return own;
    },
    page(id: string): SimPage | undefined {
      return pages.get(id);
    },
  };
}

export type FacebookWorld = ReturnType<typeof createFacebookWorld>;
