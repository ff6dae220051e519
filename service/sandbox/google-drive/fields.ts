/**
 * Google's partial-response selector (`fields=id,name,user(displayName,emailAddress),capabilities/canDownload`):
 * keeps only the named fields of `value`. `*` keeps everything at its level. Returns null when the
 * selector cannot be parsed (Google answers 400 invalidParameter).
 */
export function selectFields(value: Record<string, unknown>, selector: string): Record<string, unknown> | null {
  const tree = parse(selector);
  return tree ? pick(value, tree) : null;
}

type Tree = Map<string, Tree | true>;

function parse(selector: string): Tree | null {
  const root: Tree = new Map();
  let index = 0;
  const list = (tree: Tree, closing: boolean): boolean => {
    for (;;) {
      const name = /^[A-Za-z_*][A-Za-z0-9_]*/.exec(selector.slice(index))?.[0];
      if (!name) return false;
      index += name.length;
      let node: Tree = tree;
      let leaf = name;
      // a/b/c: nested single paths.
      while (selector[index] === '/') {
        const child = (node.get(leaf) instanceof Map ? node.get(leaf) : new Map()) as Tree;
        node.set(leaf, child);
        node = child;
        index += 1;
        leaf = /^[A-Za-z_*][A-Za-z0-9_]*/.exec(selector.slice(index))?.[0] ?? '';
        if (!leaf) return false;
        index += leaf.length;
      }
      if (selector[index] === '(') {
        index += 1;
        const child = (node.get(leaf) instanceof Map ? node.get(leaf) : new Map()) as Tree;
        node.set(leaf, child);
        if (!list(child, true)) return false;
      } else {
        node.set(leaf, true);
      }
      if (selector[index] === ',') {
        index += 1;
        continue;
      }
      if (closing) {
        if (selector[index] !== ')') return false;
        index += 1;
      }
      return true;
    }
  };
  const compact = selector.replace(/\s+/g, '');
  selector = compact;
  if (!list(root, false) || index !== selector.length) return null;
  return root;
}

function pick(value: Record<string, unknown>, tree: Tree): Record<string, unknown> {
  if (tree.has('*')) return value;
  const out: Record<string, unknown> = {};
  for (const [name, child] of tree) {
    const field = value[name];
    if (field === undefined) continue;
    if (child === true) out[name] = field;
    else if (Array.isArray(field)) out[name] = field.map((item) => (item && typeof item === 'object' ? pick(item as Record<string, unknown>, child) : item));
    else if (field && typeof field === 'object') out[name] = pick(field as Record<string, unknown>, child);
  }
  return out;
}
