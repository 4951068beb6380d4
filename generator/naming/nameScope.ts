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
  return {
    claim(desired, key) {
      const lockedName = key === undefined ? undefined : locked.get(key);
      let name: string;
      if (lockedName !== undefined && !handedOut.has(lockedName)) name = lockedName;
      else {
        name = desired;
        for (let suffix = 2; taken.has(name); suffix++) name = `${desired}${suffix}`;
      }
      taken.add(name);
      handedOut.add(name);
      if (key !== undefined) assigned.set(key, name);
      return name;
    },
    assigned: () => assigned,
  };
}
