import type { Context } from 'koa';

/**
 * One query parameter as text: a parameter given twice (`?state=a&state=b`) arrives as an array and is
 * treated as absent, so no handler mistakes a list for a string.
 */
export function queryValue(ctx: Pick<Context, 'query'>, name: string): string | undefined {
  const value = ctx.query[name];
  return typeof value === 'string' ? value : undefined;
}
