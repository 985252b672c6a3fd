// A small per-instance read-through cache for configuration the hot path reads (school shares,
// monthly caps): each key is loaded at most once per ttlMs, concurrent readers share one load, and
// a failed refresh serves the last value rather than failing a tutor turn. Shared-nothing is fine
// here: every instance converges within ttlMs of a change.
export interface TtlCacheOptions<K, V> {
  load: (key: K) => Promise<V>;
  ttlMs: number;
  now?: () => number;
  /** Oldest entries are dropped past this many keys. */
  maxEntries?: number;
  onStale?: (key: K, err: unknown) => void;
}

export function ttlCache<K, V>({ load, ttlMs, now = Date.now, maxEntries = 5_000, onStale }: TtlCacheOptions<K, V>): (key: K) => Promise<V> {
  const entries = new Map<K, { value: V; at: number }>();
  const loading = new Map<K, Promise<V>>();

  const refresh = (key: K): Promise<V> => {
    const running = loading.get(key);
    if (running) return running;
    const p = load(key)
      .then((value) => {
        entries.delete(key);
        entries.set(key, { value, at: now() });
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as K);
        return value;
      })
      .catch((err: unknown) => {
        const stale = entries.get(key);
        if (!stale) throw err;
        onStale?.(key, err);
        return stale.value;
      })
      .finally(() => loading.delete(key));
    loading.set(key, p);
    return p;
  };

  return (key) => {
    const hit = entries.get(key);
    return hit && now() - hit.at < ttlMs ? Promise.resolve(hit.value) : refresh(key);
  };
}
