import { endpoints, type Endpoint, type EndpointName, type Endpoints, type RequestOf, type ResponseOf } from '#shared/api/endpoints.js';
import { isErrorCode, type ErrorBody } from '#shared/error-codes.js';
import { ApiError, FALLBACK_TEXT, ServiceUnreachableError } from './errors.js';
import { chosenLocale, defineMessages } from './i18n/index.js';
import { getServiceUrl } from './service-url.js';
import { clearSessionData, sessionItem } from './storage.js';

/**
 * The only code in the extension that talks to the service. Background-only: it imports the endpoint
 * table (and with it zod), which UI bundles must not carry.
 */

// The extension's own sentences about reaching the service (the service's refusals come in its words,
// in the language asked for with Accept-Language).
const t = defineMessages({
  en: {
    timedOut: 'The Minopa service at {url} did not answer within {seconds} seconds.',
    unreachable: 'Cannot reach the Minopa service at {url}.',
    serverError: 'The Minopa service at {url} had a problem (HTTP {status}). Please try again shortly.',
    notMinopa: 'The server at {url} did not answer like a Minopa service (HTTP {status}). Check the service address in Minopa’s options.',
  },
  de: {
    timedOut: 'Der Minopa-Dienst unter {url} hat nicht innerhalb von {seconds} Sekunden geantwortet.',
    unreachable: 'Der Minopa-Dienst unter {url} ist nicht erreichbar.',
    serverError: 'Beim Minopa-Dienst unter {url} ist ein Problem aufgetreten (HTTP {status}). Bitte versuchen Sie es gleich noch einmal.',
    notMinopa: 'Der Server unter {url} hat nicht wie ein Minopa-Dienst geantwortet (HTTP {status}). Prüfen Sie die Dienstadresse in den Minopa-Optionen.',
  },
});

/** The parts of a request endpoint N takes; parts it does not take are left out. */
export type CallRequest<N extends EndpointName> = {
  [K in keyof RequestOf<N> as RequestOf<N>[K] extends undefined ? never : K]: RequestOf<N>[K];
};

export interface CallOptions {
  /** Give up after this long and report the service unreachable. */
  timeoutMs?: number;
}

// The request may be left out when it has no required part (e.g. `call('getMe')`).
type CallArgs<N extends EndpointName> = Partial<CallRequest<N>> extends CallRequest<N>
  ? [request?: CallRequest<N>, options?: CallOptions]
  : [request: CallRequest<N>, options?: CallOptions];

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Calls endpoint `name` of the service at the configured address, with the session's bearer token
 * when the endpoint needs one. Resolves with the typed response (`undefined` for 204).
 * Throws `ApiError` when the service refused (4xx with a Minopa error body) and
 * `ServiceUnreachableError` for network failure, timeout, 5xx or an answer that is not Minopa's.
 * A 401 that says the session is over also forgets the session, so the person is asked to sign in.
 */
export async function call<N extends EndpointName>(name: N, ...[request, options]: CallArgs<N>): Promise<ResponseOf<N>> {
  const endpoint = endpoints[name];
  const baseUrl = await getServiceUrl();
  const parts = (request ?? {}) as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  const url = baseUrl + buildPath(endpoint.path, parts.params) + buildQuery(parts.query);

  const headers = await authHeaders(endpoint);
  if (parts.body !== undefined) headers['Content-Type'] = 'application/json';
  const body = parts.body === undefined ? undefined : JSON.stringify(parts.body);
  return (await send(endpoint, baseUrl, url, headers, body, options?.timeoutMs ?? DEFAULT_TIMEOUT_MS)) as ResponseOf<N>;
}

/** Endpoints whose body is a file's raw bytes (`upload: 'binary'`). */
export type UploadEndpointName = { [N in EndpointName]: Endpoints[N] extends { upload: 'binary' } ? N : never }[EndpointName];

/** Uploads take longer than JSON calls: a 20 MB image on a slow uplink. */
export const UPLOAD_TIMEOUT_MS = 120_000;

/**
 * Uploads `file` to endpoint `name` as the raw request body (its name, percent-encoded, in X-Filename;
 * query parameters such as a resumable upload's offset in the address),
 * with the same session handling and errors as `call`. The service reads the type from the bytes.
 */
export async function uploadFile<N extends UploadEndpointName>(
  name: N,
  request: CallRequest<N>,
  file: Blob,
  options: CallOptions & { filename?: string } = {},
): Promise<ResponseOf<N>> {
  const endpoint = endpoints[name];
  const baseUrl = await getServiceUrl();
  const parts = request as { params?: Record<string, string>; query?: Record<string, unknown> };
  const url = baseUrl + buildPath(endpoint.path, parts.params) + buildQuery(parts.query);
  const headers = await authHeaders(endpoint);
  headers['Content-Type'] = file.type || 'application/octet-stream';
  if (options.filename) headers['X-Filename'] = encodeURIComponent(options.filename);
  return (await send(endpoint, baseUrl, url, headers, file, options.timeoutMs ?? UPLOAD_TIMEOUT_MS)) as ResponseOf<N>;
}

async function authHeaders(endpoint: Endpoint): Promise<Record<string, string>> {
  // The service answers its refusals in the language the extension shows (read afresh: the choice is
  // made in a page and mirrored to storage, see i18n).
  const language = await chosenLocale();
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (endpoint.auth !== 'none') {
    const session = await sessionItem.getValue();
    if (!session) throw new ApiError('unauthenticated', FALLBACK_TEXT.signIn[language], 401);
    headers.Authorization = `Bearer ${session.token}`;
  }
  return headers;
}

async function send(endpoint: Endpoint, baseUrl: string, url: string, headers: Record<string, string>, body: BodyInit | undefined, timeoutMs: number): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: endpoint.method,
      headers,
      body,
      // Bearer tokens only: cookies of the service's origin have no business here.
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    const timedOut = (cause as { name?: unknown } | null)?.name === 'TimeoutError';
    throw new ServiceUnreachableError(
      timedOut
        ? t('timedOut', { url: baseUrl, seconds: Math.round(timeoutMs / 1000) })
        : t('unreachable', { url: baseUrl }),
      { cause },
    );
  }

  if (response.ok) return readSuccess(response, baseUrl);
  const error = await readError(response, baseUrl);
  if (error instanceof ApiError && error.signedOut && endpoint.auth !== 'none') await clearSessionData();
  throw error;
}

/** Fills `:name` segments from `params`; a missing one is a programming error, not a user's. */
export function buildPath(template: string, params: Record<string, string> | undefined): string {
  return template.replace(/:([A-Za-z]+)/g, (_, key: string) => {
    const value = params?.[key];
    if (value === undefined || value === '') throw new Error(`Missing path parameter "${key}" for ${template}`);
    return encodeURIComponent(value);
  });
}

/** `?a=1&b=x` from the defined entries of `query`, or '' when there are none. */
export function buildQuery(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function readSuccess(response: Response, baseUrl: string): Promise<unknown> {
  const text = await response.text();
  if (response.status === 204 || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ServiceUnreachableError(notMinopa(baseUrl, response.status), { status: response.status, cause });
  }
}

async function readError(response: Response, baseUrl: string): Promise<ApiError | ServiceUnreachableError> {
  const body = await response.json().catch(() => null) as Partial<ErrorBody> | null;
  const error = body?.error;
  if (response.status >= 500) {
    return new ServiceUnreachableError(
      error?.message ?? t('serverError', { url: baseUrl, status: String(response.status) }),
      { status: response.status },
    );
  }
  if (error && isErrorCode(error.code) && typeof error.message === 'string') {
    const refused = new ApiError(error.code, error.message, response.status, Array.isArray(error.fields) ? error.fields : undefined);
    if (typeof error.upgradeUrl === 'string') refused.upgradeUrl = error.upgradeUrl;
    return refused;
  }
  // A 4xx without Minopa's error body comes from something else at that address (a wrong URL, a
  // proxy): treat it as "down", so queued captures wait instead of being dropped as refused.
  return new ServiceUnreachableError(notMinopa(baseUrl, response.status), { status: response.status });
}

function notMinopa(baseUrl: string, status: number): string {
  return t('notMinopa', { url: baseUrl, status: String(status) });
}
