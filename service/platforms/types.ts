import type { Readable } from 'node:stream';
import type { AccountKind, PlatformId } from '#shared/platforms.js';
import type { Logger } from '../logger.js';
import type { HttpClient, VendorErrorReader } from './lib/http.js';

export type { PlatformId } from '#shared/platforms.js';

/**
 * Where a network's API lives and which OAuth client we are to it. Every address is configuration
 * (config.ts, `<NETWORK>_*` variables), so tests and sandbox mode point them at the local simulators.
 */
export interface PlatformSettings {
  clientId: string;
  clientSecret: string;
  /** Where the browser goes to authorize. */
  authorizeUrl: string;
  /** Code exchange and refresh (server to server). */
  tokenUrl: string;
  /** Revocation, where the network offers it. */
  revokeUrl: string | null;
  /** Base of the JSON API, no trailing slash (e.g. https://api.x.com/2 … adapters append paths). */
  apiUrl: string;
  /** Base of the media upload host where it differs from apiUrl (YouTube, Meta resumable uploads). */
  uploadUrl: string;
  /** True when these point at our own simulator (accounts connected so are labelled "sandbox"). */
  sandbox: boolean;
}

/** Tokens of one connected account, sealed at rest as one bundle (P26). */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string | null;
  /** When the access token stops working; null or absent when it does not expire. */
  expiresAt?: Date | null;
  scopes?: string[];
  /** Anything else the adapter needs later (e.g. the Facebook user token behind a Page token). */
  extra?: Record<string, string>;
}

/** What a network tells us about an account: only the fields P9 lists. */
export interface AccountProfile {
  remoteId: string;
  kind: AccountKind;
  name: string;
  username: string | null;
  avatarUrl: string | null;
  /** Tokens that belong to this account alone (a Facebook Page token); absent: the connection's tokens. */
  tokens?: TokenSet;
}

/** What every call to a network receives. */
export interface PlatformContext {
  settings: PlatformSettings;
  /** The one HTTP client (timeouts, classification, request ids); never `fetch` directly. */
  http: HttpClient;
  log: Logger;
  signal?: AbortSignal;
}

/** An account as an adapter sees it when publishing or reading. */
export interface AccountHandle {
  remoteId: string;
  kind: AccountKind;
  tokens: TokenSet;
}

/** One medium of the content, in order. */
export interface PublishMedia {
  id: string;
  kind: 'image' | 'video' | 'document';
  mimeType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  filename: string | null;
  /** A signed address the network can fetch for hours (Instagram, Threads, Pinterest images, Facebook). */
  publicUrl: string;
  /** The bytes, for networks that take uploads (X, LinkedIn, YouTube, TikTok FILE_UPLOAD). */
  open(): Promise<Readable>;
}

/** The content one target publishes: the post's body with the target's overrides applied. */
export interface PublishContent {
  text: string;
  title: string | null;
  firstComment: string | null;
  /** X threads: the parts after `text`, each its own post replying to the previous one. */
  threadParts: string[];
  media: PublishMedia[];
  /** Network options as validated by shared/publishing (Pinterest board, YouTube privacy, …). */
  options: Record<string, unknown>;
}

/**
 * The adapter's checkpoint for one target, persisted by the publisher before the promise of `save`
 * resolves. Whatever an adapter has done that must not be repeated (container created, media uploaded,
 * thread part posted) goes here BEFORE the next irreversible step, so a resumed attempt continues.
 */
export interface Checkpoint {
  readonly state: Readonly<Record<string, unknown>>;
  save(patch: Record<string, unknown>): Promise<void>;
}

export interface PublishResult {
  remoteId: string;
  url: string | null;
}

/** Answer of a reconcile check: did the attempt whose outcome was unknown go out? */
export type Reconciliation = { found: true; result: PublishResult } | { found: false } | { found: 'unknown' };

export interface Metrics {
  likes?: number | null;
  comments?: number | null;
  shares?: number | null;
  views?: number | null;
  impressions?: number | null;
}

/**
 * One network, as a small adapter (DESIGN.md convention 6). Adapters throw `PlatformError` (lib/errors.ts)
 * with a kind decided from status codes and vendor error codes. They never touch the database: state
 * between steps goes through the Checkpoint, tokens through the return values.
 */
export interface Platform {
  id: PlatformId;
  /**
   * How this network's error answers are read (vendor code, message, kind). Required: every
   * PlatformContext's http client is made with it (platforms/context.ts platformContext()).
   */
  readVendorError: VendorErrorReader;
  oauth: {
    /** Space- or comma-joined by `authorizeUrl` as the network wants. */
    scopes: readonly string[];
    pkce: boolean;
    /** The address to send the browser to. */
    authorizeUrl(settings: PlatformSettings, request: { state: string; redirectUri: string; codeChallenge: string | null }): string;
    /** Code → tokens, on the service (never in the extension). */
    exchangeCode(context: PlatformContext, request: { code: string; redirectUri: string; codeVerifier: string | null }): Promise<TokenSet>;
  };
  /**
   * The accounts these tokens may publish as: one for most networks; the Pages / Instagram business
   * accounts / LinkedIn organizations (plus the member) to choose from where the network has several.
   */
  listAccounts(context: PlatformContext, tokens: TokenSet): Promise<AccountProfile[]>;
  /** New tokens before expiry. Absent: tokens do not expire or cannot be refreshed (reconnect instead). */
  refresh?(context: PlatformContext, tokens: TokenSet): Promise<TokenSet>;
  /** Revoke at the network on disconnect, where it offers revocation. */
  revoke?(context: PlatformContext, tokens: TokenSet): Promise<void>;
  /**
   * Publishes `content` as `account`. Must be resumable from `checkpoint`. The idempotency key is stable per
   * target: send it where the network takes one, and use it (or the checkpoint) to recognise our own post.
   */
  publish(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, idempotencyKey: string): Promise<PublishResult>;
  /**
   * After an unknown outcome: asks the network (read-only) whether the post exists. `found: 'unknown'` when
   * it cannot tell; the publisher then keeps the target `unconfirmed` and tells the person.
   */
  reconcile(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, since: Date): Promise<Reconciliation>;
  /** Engagement numbers of a published post, as far as the network offers them. */
  metrics(context: PlatformContext, account: AccountHandle, remoteId: string): Promise<Metrics>;
}
