/**
 * Turns posted form fields into the nested object the plan schemas expect,
 * for Server Actions that must work without JavaScript:
 *
 *   lines.0.amount = "€ 12.500"   →  { lines: [{ amount: "€ 12.500" }] }
 *   needs.3.year   = "2026"       →  { needs: [ , , , { year: "2026" }] } (then compacted)
 *
 * Numeric path segments become list indexes; lists are compacted in index
 * order, so a form may leave gaps (a removed row) but error keys then refer
 * to the compacted position: number rows 0, 1, 2, … in the form to keep
 * `lines.3.amount` pointing at the fourth row. Values stay strings (the
 * schemas parse "2025" and "€ 12.500"); files are ignored. Keys starting with
 * "$" (Next's action fields) and the prototype-polluting names are skipped.
 */
export type FormFields = Iterable<[string, FormDataEntryValue]>;

type Node = { kind: 'object'; children: Map<string, Node> } | { kind: 'value'; value: string };

const MAX_INDEX = 10_000;
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

export function formDataToObject(fields: FormFields): Record<string, unknown> {
  const root: Node = { kind: 'object', children: new Map() };
  for (const [name, value] of fields) {
    if (typeof value !== 'string' || name.startsWith('$')) continue;
    const path = name.split('.');
    if (path.some((p) => p === '' || FORBIDDEN.has(p) || (/^\d+$/.test(p) && Number(p) > MAX_INDEX))) continue;
    let node: Node = root;
    path.forEach((segment, i) => {
      if (node.kind !== 'object') return; // "a" and "a.b" both posted: the first one wins
      const last = i === path.length - 1;
      const existing = node.children.get(segment);
      if (last) {
        if (!existing) node.children.set(segment, { kind: 'value', value });
        return;
      }
      const child: Node = existing ?? { kind: 'object', children: new Map() };
      node.children.set(segment, child);
      node = child;
    });
  }
  return toObject(root.children);
}

function toObject(children: Map<string, Node>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of children) out[key] = toPlain(child);
  return out;
}

function toPlain(node: Node): unknown {
  if (node.kind === 'value') return node.value;
  const keys = [...node.children.keys()];
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => {
        const child = node.children.get(k);
        return child ? toPlain(child) : undefined;
      });
  }
  return toObject(node.children);
}
