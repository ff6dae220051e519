import type { FailureKind } from '#shared/platforms.js';
import type { VendorErrorReader } from '../lib/http.js';

/** Graph's error object (`{ error: { … } }`), as Facebook, Instagram and Threads answer. */
interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_msg?: string;
  fbtrace_id?: string;
}

/** Throttling codes (reference §2 "Rate limits": 4, 17, 32, 341, 613 and the 80001–80014 family). */
const THROTTLED = new Set([4, 17, 32, 341, 613]);
/** Session ended: expired, password changed, app removed … (code 190 and its subcodes, 102 legacy session). */
const SESSION_ENDED = new Set([102, 190]);

/**
 * The failure kind a Graph error code decides, or undefined when the HTTP status should decide (codes 1
 * and 2 are Graph's "unknown"/"temporarily unavailable": after an irreversible request they may hide a
 * post that went out, so the status — and whether the request was irreversible — decides).
 */
export function graphKind(code: number | undefined, subcode: number | undefined, networkCodes: Readonly<Record<number, FailureKind>> = {}): FailureKind | undefined {
  if (subcode !== undefined && networkCodes[subcode]) return networkCodes[subcode];
  if (code === undefined) return undefined;
  if (networkCodes[code]) return networkCodes[code];
  if (SESSION_ENDED.has(code)) return 'auth';
  if (THROTTLED.has(code) || (code >= 80001 && code <= 80014)) return 'rate_limited';
  // 10 and 200–299: a permission the token lacks; only a reconnect granting it helps.
  if (code === 10 || (code >= 200 && code <= 299)) return 'auth';
  // 506 duplicate post, 368 blocked for policy, 100 invalid parameter: the same content would fail again.
  if (code === 506 || code === 368 || code === 100) return 'invalid_content';
  return undefined;
}

/**
 * Minutes Meta asks us to wait, from `X-Business-Use-Case-Usage` (per Page/business usage with
 * `estimated_time_to_regain_access`), in milliseconds; null when it says nothing.
 */
export function businessUseCaseWaitMs(headers: Headers): number | null {
  const raw = headers.get('x-business-use-case-usage');
  if (!raw) return null;
  try {
    const usage = JSON.parse(raw) as Record<string, Array<{ estimated_time_to_regain_access?: number }>>;
    const minutes = Object.values(usage)
      .flat()
      .map((entry) => entry.estimated_time_to_regain_access ?? 0);
    const longest = Math.max(0, ...minutes);
    return longest > 0 ? longest * 60_000 : null;
  } catch {
    return null;
  }
}

/**
 * A VendorErrorReader for Graph-style APIs. `networkName` goes into the sentences people read;
 * `networkCodes` adds the network's own codes or subcodes (e.g. Instagram 2207042 daily limit).
 * Also reads the Instagram login host's flat shape (`{ error_type, code, error_message }`).
 */
export function createGraphErrorReader(networkName: string, networkCodes: Readonly<Record<number, FailureKind>> = {}): VendorErrorReader {
  return (_status, body, headers) => {
    const error = graphErrorOf(body);
    if (!error) return {};
    const kind = graphKind(error.code, error.error_subcode, networkCodes);
    const vendorCode = error.code === undefined ? null : error.error_subcode ? `${error.code}/${error.error_subcode}` : String(error.code);
    const vendorMessage = error.error_user_msg ?? error.message ?? null;
    return {
      kind,
      vendorCode,
      vendorMessage,
      requestId: error.fbtrace_id ?? null,
      retryAfterMs: kind === 'rate_limited' ? (businessUseCaseWaitMs(headers) ?? undefined) : undefined,
      message: sentence(networkName, kind, error.code, vendorMessage),
    };
  };
}

function graphErrorOf(body: unknown): GraphError | null {
  if (!body || typeof body !== 'object') return null;
  const record = body as Record<string, unknown>;
  if (record.error && typeof record.error === 'object') return record.error as GraphError;
  // api.instagram.com/oauth/access_token answers flat: { error_type, code, error_message }.
  if (typeof record.error_type === 'string') {
    return { type: record.error_type, code: typeof record.code === 'number' ? record.code : undefined, message: String(record.error_message ?? '') };
  }
  return null;
}

function sentence(networkName: string, kind: FailureKind | undefined, code: number | undefined, vendorMessage: string | null): string | undefined {
  const said = vendorMessage ? ` ${networkName} said: “${vendorMessage}”` : '';
  if (code === 506) return `${networkName} refused this post because the same text was just published to this account (a duplicate post). Change the text and try again.${said}`;
  switch (kind) {
    case 'auth':
      return code === 10 || (code !== undefined && code >= 200 && code <= 299)
        ? `${networkName} says Minopa lacks a permission for this account. Reconnect it and allow every permission asked for.${said}`
        : `${networkName} no longer accepts this account’s connection (the session ended or the app was removed). Reconnect the account.${said}`;
    case 'rate_limited':
      return `${networkName} asked us to slow down. We will try again when it allows.${said}`;
    case 'invalid_content':
      return `${networkName} refused this post.${said}`;
    default:
      return undefined;
  }
}
