import { dedupeIntegration, defaultStackParser, linkedErrorsIntegration, makeNodeTransport, NodeClient, Scope, type ErrorEvent } from '@sentry/node';

/** Where an error happened: the request (route, request id, signed-in person) or the job. */
export interface ErrorContext {
  requestId?: string;
  route?: string;
  method?: string;
  job?: string;
  userId?: string;
}

/** Sends unexpected errors somewhere people look (Sentry, P8); `undefined` deps mean "only logged". */
export interface ErrorReporter {
  report(error: unknown, context: ErrorContext): void;
  /** Waits for queued reports (shutdown, tests); true when none is left. */
  flush(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * A Sentry client of the service's own (the real `@sentry/node` SDK), configured lean: no default
 * integrations, so no OpenTelemetry, no HTTP or database instrumentation, no tracing — the request path
 * pays nothing until an error is reported (measured by `npm run bench -- sentry`). Only errors the
 * service did not expect are reported, with the request id, route and the person's id; never a body,
 * header, cookie, query string, IP address, name or email (P13).
 */
export function createErrorReporter(options: { dsn: string; environment: string; release?: string }): ErrorReporter {
  const client = new NodeClient({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release,
    transport: makeNodeTransport,
    stackParser: defaultStackParser,
    integrations: [linkedErrorsIntegration(), dedupeIntegration()],
    dataCollection: { userInfo: false, cookies: false, httpHeaders: false, httpBodies: [], urlQueryParams: false },
    maxBreadcrumbs: 0,
    beforeSend: keepOnlyUserId,
  });
  const base = new Scope();
  base.setClient(client);
  client.init();
  return {
    report(error, context) {
      const scope = base.clone();
      if (context.userId) scope.setUser({ id: context.userId });
      for (const key of ['requestId', 'route', 'method', 'job'] as const) {
        if (context[key]) scope.setTag(key, context[key]);
      }
      scope.captureException(error);
    },
    flush: async (timeoutMs = 2_000) => client.flush(timeoutMs),
    close: async () => {
      await client.close(2_000);
    },
  };
}

/** Whatever a future SDK version adds, only the person's id leaves as identification. */
function keepOnlyUserId(event: ErrorEvent): ErrorEvent {
  const id = event.user?.id;
  event.user = id === undefined ? undefined : { id };
  delete event.request;
  delete event.breadcrumbs;
  delete event.server_name;
  return event;
}
