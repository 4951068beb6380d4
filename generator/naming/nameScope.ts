/**
 * Hands out unique names in one scope; a taken name gets the next free numeric suffix.
 * With a lock (stable key -> name from an earlier run, or a user's rename), a keyed claim gets
 * its locked name back. Locked names are reserved up front so a new entity never takes one.
 */
export interface NameScope {
  claim(desired: string, key?: string): string;
  /** Stable key -> name, for every keyed claim made so far. */
  assigned(): ReadonlyMap<string, string>;
}

export function createNameScope(reserved: Iterable<string> = [], locked: ReadonlyMap<string, string> = new Map()): NameScope {
  const taken = new Set([...reserved, ...locked.values()]);
  const assigned = new Map<string, string>();
  const handedOut = new Set<string>();
  // The last suffix found free for a name. Names are never given back, so every smaller suffix is
  // still taken: the search resumes there instead of at 2 (thousands of `Item`s would be quadratic).
  const lastSuffix = new Map<string, number>();
  return {
    claim(desired, key) {
      const lockedName = key === undefined ? undefined : locked.get(key);
      let name: string;
      if (lockedName !== undefined && !handedOut.has(lockedName)) name = lockedName;
      else {
        name = desired;
        let suffix = lastSuffix.get(desired) ?? 2;
        if (taken.has(name)) {
          for (name = `${desired}${suffix}`; taken.has(name); name = `${desired}${suffix}`) suffix++;
          lastSuffix.set(desired, suffix);
        }
      }
      taken.add(name);
      handedOut.add(name);
      if (key !== undefined) assigned.set(key, name);
      return name;
    },
    assigned: () => assigned,
  };
}
