import type { Context } from 'koa';
import type { SimPerson } from '../kit/directory.js';

/** A board of a simulated Pinterest account. */
export interface SimBoard {
  id: string;
  owner: string;
  name: string;
  privacy: 'PUBLIC' | 'SECRET';
}

/** A video registered with POST /v5/media: registered → (uploaded) processing → succeeded. */
export interface SimMedia {
  id: string;
  owner: string;
  status: 'registered' | 'processing' | 'succeeded' | 'failed';
  uploadKey: string;
  /** Status reads since the upload; processing finishes on the second (an IN_PROGRESS → FINISHED poll). */
  polls: number;
  bytes: number;
}

/** Pinterest's error shape (spec `Error`: `{code, message}`). Code 2 = authentication failed, 8 = rate limit. */
export function pinterestError(ctx: Context, status: number, code: number, message: string): void {
  ctx.status = status;
  ctx.body = { code, message };
}

/** The body of an injected fault, as Pinterest would answer that status. */
export function faultBody(status: number): { code: number; message: string } {
  if (status === 401) return { code: 2, message: 'Authentication failed.' };
  if (status === 429) return { code: 8, message: 'This request exceeded a rate limit.' };
  return { code: status, message: 'Something went wrong on our end. Sorry about that.' };
}

/**
 * The simulated Pinterest's data: boards (two per person, made on first sight), media uploads and
 * numeric ids like the real ones (`^\d+$` in the spec).
 */
export function createWorld() {
  const boards: SimBoard[] = [];
  const media = new Map<string, SimMedia>();
  let next = 1_000_000_000_000_000_000n;
  const newId = () => (next += 7n).toString();
  return {
    boards,
    media,
    newId,
    boardsOf(person: SimPerson): SimBoard[] {
      if (!boards.some((board) => board.owner === person.id)) {
        boards.push({ id: newId(), owner: person.id, name: 'Inspiration', privacy: 'PUBLIC' }, { id: newId(), owner: person.id, name: 'Studio notes', privacy: 'SECRET' });
      }
      return boards.filter((board) => board.owner === person.id);
    },
  };
}

export type World = ReturnType<typeof createWorld>;
