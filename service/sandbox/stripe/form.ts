/**
 * Parses a form-encoded Stripe request (`line_items[0][price]=x&metadata[k]=v&expand[]=a`) into nested
 * objects and arrays, as Stripe's own parser does: numeric or empty brackets make arrays. Values stay
 * strings; the spec check coerces them to the documented types.
 */
export function parseStripeForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const head = key.split('[')[0]!;
    const path = [head, ...[...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((match) => match[1]!)];
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((part, index) => {
      const last = index === path.length - 1;
      const nextIsArray = !last && /^\d*$/.test(path[index + 1]!);
      const slot = Array.isArray(node) ? (part === '' ? node.length : Number(part)) : part;
      const container = node as Record<string | number, unknown>;
      if (last) container[slot] = value;
      else {
        container[slot] ??= nextIsArray ? [] : {};
        node = container[slot] as Record<string, unknown> | unknown[];
      }
    });
  }
  return root;
}
