/** Hands out unique names in one scope; a taken name gets the next free numeric suffix. */
export interface NameScope {
  claim(desired: string): string;
  has(name: string): boolean;
}

export function createNameScope(reserved: Iterable<string> = []): NameScope {
  const taken = new Set(reserved);
  return {
    claim(desired) {
      let candidate = desired;
      for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${desired}${suffix}`;
      taken.add(candidate);
      return candidate;
    },
    has: (name) => taken.has(name),
  };
}
