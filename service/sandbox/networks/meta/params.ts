import type { Context } from 'koa';

/**
 * A Graph request's parameters: Graph takes them in the query string, a form body or a JSON body alike,
 * so the simulator reads all three (body wins over query). Arrays become `name[i]` entries.
 */
export function graphParams(ctx: Context): Record<string, string> {
  const params: Record<string, string> = {};
  const merge = (source: unknown) => {
    if (!source || typeof source !== 'object') return;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      if (value === undefined || value === null) continue;
      // A form's `name[0]=…` arrives parsed as an array: keep Graph's indexed names.
      if (Array.isArray(value)) value.forEach((item, index) => (params[`${key}[${index}]`] = typeof item === 'string' ? item : JSON.stringify(item)));
      else params[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  };
  merge(ctx.query);
  merge((ctx.request as { body?: unknown }).body);
  return params;
}

/** The top-level names of a Graph `fields` list: `a,b.summary(x).limit(0),c{d,e}` → a, b, c. */
export function requestedFields(fields: string | undefined): Set<string> {
  const names = new Set<string>();
  let depth = 0;
  let current = '';
  for (const char of `${fields ?? ''},`) {
    if (char === '(' || char === '{') depth++;
    if (char === ')' || char === '}') depth--;
    if (char === ',' && depth === 0) {
      const name = current.trim().split(/[.{(]/)[0];
      if (name) names.add(name);
      current = '';
    } else current += char;
  }
  return names;
}
