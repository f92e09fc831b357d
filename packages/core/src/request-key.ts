const ids = new WeakMap<object, string>();
let lastId = 0;

/**
 * A string that is equal for equal requests, for sharing connections (the hub) and for telling
 * when a hook's request changed (`@ssekit/react`): plain objects and arrays count by content
 * (key order ignored); functions and other objects (a `FormData` body, a signal) by identity;
 * a value with a `toJSON` method counts as what it returns, as in `JSON.stringify`.
 */
export function requestKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || Array.isArray(v)) {
      return v;
    }
    // Not plain (`{}` literals and objects without a prototype are): counts by identity.
    if (v.constructor && v.constructor !== Object) {
      let id = ids.get(v);
      if (!id) {
        id = `#${++lastId}`;
        ids.set(v, id);
      }
      return id;
    }
    // Entries sort by their "key,value" text, so the same entries in any order come out in
    // one order (keys with commas could tie: at worst a missed equality, never a false one).
    return Object.fromEntries(Object.entries(v).sort());
  });
}
