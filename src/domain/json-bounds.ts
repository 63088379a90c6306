/**
 * JSON values of any shape, handled without recursion (SYNC.md §3 step 5). A device can send a
 * value nested thousands of levels deep; recursive code (JSON.stringify, a recursive equality)
 * overflows the stack on it and a request that should be one `rejected` result becomes a 5xx.
 * Everything here walks an explicit stack, so a value of any depth costs memory in proportion to
 * its size and never throws. Own keys are read with `Object.keys`, so a key named `__proto__` or
 * `constructor` is data.
 */

/** How deep a value inside a mutation may nest (the mutation object itself is level 1). */
export const MAX_JSON_DEPTH = 32;

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/** True when `value` nests containers (objects, arrays) deeper than `max` levels. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!isContainer(v)) continue;
    if (depth > max) return true;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const child of children) if (isContainer(child)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return isContainer(value) && !Array.isArray(value);
}

type Frame =
  | { kind: 'array'; items: readonly unknown[]; next: number }
  | {
      kind: 'object';
      source: Record<string, unknown>;
      keys: string[];
      next: number;
      wrote: boolean;
    };

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (value === null) return 'null';
  return undefined; // undefined, functions, symbols: skipped in objects, null in arrays
}

/**
 * `JSON.stringify(value)` for JSON data, at any depth. Choice: the native one first (about four
 * times faster), and only when it overflows the stack (a RangeError) the walk below, which gives
 * the same text without recursion.
 */
export function stringifyJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    return stringifyJsonIteratively(value);
  }
}

/** `JSON.stringify(value)` for JSON data (no `toJSON`, no replacer), without recursion. */
export function stringifyJsonIteratively(value: unknown): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  const open = (v: unknown): void => {
    if (!isContainer(v)) {
      out.push(scalar(v) ?? 'null');
      return;
    }
    if (Array.isArray(v)) {
      out.push('[');
      stack.push({ kind: 'array', items: v, next: 0 });
    } else {
      out.push('{');
      const source = v as Record<string, unknown>;
      stack.push({ kind: 'object', source, keys: Object.keys(source), next: 0, wrote: false });
    }
  };
  if (!isContainer(value)) return scalar(value) ?? 'null';
  open(value);
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    if (top.kind === 'array') {
      if (top.next >= top.items.length) {
        out.push(']');
        stack.pop();
        continue;
      }
      if (top.next > 0) out.push(',');
      open(top.items[top.next++]);
      continue;
    }
    if (top.next >= top.keys.length) {
      out.push('}');
      stack.pop();
      continue;
    }
    const key = top.keys[top.next++]!;
    const child = top.source[key];
    if (!isContainer(child) && scalar(child) === undefined) continue;
    out.push(`${top.wrote ? ',' : ''}${JSON.stringify(key)}:`);
    top.wrote = true;
    open(child);
  }
  return out.join('');
}
