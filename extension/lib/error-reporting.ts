import { BrowserClient, dedupeIntegration, defaultStackParser, linkedErrorsIntegration, makeFetchTransport, Scope, type ErrorEvent } from '@sentry/browser';
import { consentInForce } from './consent.js';
import { sessionItem } from './storage.js';

/**
 * Error reports from the extension to Sentry (P8), only with a DSN built in and only while the person
 * allows error reports (checked before every report, so withdrawing stops them at once — P29). A client
 * of our own, never Sentry's global one: an extension shares its pages' globals with nobody, but the SDK's
 * default integrations would wrap browser APIs, record breadcrumbs of what the person did and report
 * errors of other code; none of that is needed to fix our bugs. The signed-in person's id is the only
 * identifier sent (P13).
 */

interface Reporter {
  client: BrowserClient;
  scope: Scope;
}

let reporter: Reporter | null = null;

/** The DSN this build reports to; a test may point it elsewhere. */
let dsn: string | undefined = import.meta.env.WXT_SENTRY_DSN || undefined;

/** Tests: report to this DSN instead of the build's (undefined: none), with a fresh client. */
export function setErrorReportingDsnForTests(value: string | undefined): void {
  dsn = value;
  void reporter?.client.close();
  reporter = null;
}

/** Sends `error` to Sentry if a DSN is configured and the person allowed error reports; otherwise does nothing. */
export async function reportError(error: unknown, where: string): Promise<void> {
  if (!dsn) return;
  const [choices, session] = await Promise.all([consentInForce(), sessionItem.getValue()]);
  if (!choices.errorReports) return;
  const { scope } = (reporter ??= createReporter(dsn));
  scope.setUser(session ? { id: session.user.id } : null);
  scope.setTag('where', where);
  scope.captureException(error);
}

/** Waits until queued reports were sent (or `timeoutMs` passed); true when none is left. */
export async function flushErrorReports(timeoutMs = 2_000): Promise<boolean> {
  return reporter ? reporter.client.flush(timeoutMs) : true;
}

function createReporter(target: string): Reporter {
  const client = new BrowserClient({
    dsn: target,
    transport: makeFetchTransport,
    stackParser: defaultStackParser,
    // Only what turns an exception into a useful report: causes, and no duplicates.
    integrations: [linkedErrorsIntegration(), dedupeIntegration()],
    // Nothing collected about the person automatically: no user fields, cookies, headers, bodies or query strings.
    dataCollection: { userInfo: false, cookies: false, httpHeaders: false, httpBodies: [], urlQueryParams: false },
    maxBreadcrumbs: 0,
    release: browserRelease(),
    beforeSend: keepOnlyUserId,
  });
  const scope = new Scope();
  scope.setClient(client);
  client.init();
  return { client, scope };
}

/** Drops anything that could identify the person beyond their id, whatever a future SDK adds. */
function keepOnlyUserId(event: ErrorEvent): ErrorEvent {
  const id = event.user?.id;
  event.user = id === undefined ? undefined : { id };
  if (event.request) event.request = { url: event.request.url?.split(/[?#]/)[0] };
  delete event.breadcrumbs;
  return event;
}

function browserRelease(): string | undefined {
  try {
    return `minopa-extension@${chrome.runtime.getManifest().version}`;
  } catch {
    return undefined;
  }
}
