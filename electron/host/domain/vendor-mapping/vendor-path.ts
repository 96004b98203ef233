/**
 * Dotted paths into a vendor's parsed JSON ("data.items", "payload.window", "list.0.no"): the only
 * query language a mapping has, small enough to write in a config file and to explain in one line.
 */

/** A path of one or more non-empty steps; a step that is all digits indexes an array. */
export function isVendorPath(path: unknown): path is string {
  return typeof path === 'string' && path !== '' && path.split('.').every((step) => step !== '');
}

/** The value at `path`, or undefined when any step is missing. */
export function readVendorPath(value: unknown, path: string): unknown {
  let here = value;
  for (const step of path.split('.')) {
    if (Array.isArray(here)) {
      if (!/^\d+$/.test(step)) return undefined;
      here = here[Number(step)];
    } else if (typeof here === 'object' && here !== null && Object.hasOwn(here, step)) {
      // Own properties only: a path like "constructor" or "__proto__" must read nothing, not a prototype.
      here = (here as Record<string, unknown>)[step];
    } else {
      return undefined;
    }
  }
  return here;
}
