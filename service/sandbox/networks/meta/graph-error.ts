import type { Context } from 'koa';

/** Graph's error object, as every Meta API answers it. */
export interface GraphErrorBody {
  error: { message: string; type: string; code: number; error_subcode?: number; is_transient?: boolean; fbtrace_id: string };
}

/** Builds Graph's `{ error: { message, type, code, error_subcode, fbtrace_id } }`. */
export function graphErrorBody(code: number, message: string, options: { subcode?: number; type?: string; transient?: boolean } = {}): GraphErrorBody {
  return {
    error: {
      message,
      type: options.type ?? (code === 190 || code === 10 ? 'OAuthException' : 'GraphMethodException'),
      code,
      ...(options.subcode ? { error_subcode: options.subcode } : {}),
      ...(options.transient ? { is_transient: true } : {}),
      fbtrace_id: `sim${Math.random().toString(36).slice(2, 12)}`,
    },
  };
}

/** Answers a Graph error (Graph uses 400 even for token problems; the code tells them apart). */
export function graphError(ctx: Context, status: number, code: number, message: string, options: { subcode?: number; type?: string } = {}): void {
  ctx.status = status;
  ctx.body = graphErrorBody(code, message, options);
}

/** The Graph body of an injected fault status: what Meta answers with that status. */
export function graphFaultBody(status: number): GraphErrorBody {
  if (status === 401) return graphErrorBody(190, 'Error validating access token: Session has expired.', { subcode: 463 });
  if (status === 429) return graphErrorBody(4, 'Application request limit reached', { transient: true });
  if (status >= 500) return graphErrorBody(2, 'Service temporarily unavailable', { transient: true });
  return graphErrorBody(100, 'Invalid parameter');
}

/** Answers a container world's failure in Graph's shape. */
export function graphFailure(ctx: Context, failure: { status: number; code: number; subcode?: number; message: string }): void {
  graphError(ctx, failure.status, failure.code, failure.message, { subcode: failure.subcode });
}
