"use client";
// Keeps JSON from an API current: fetched again whenever the URL changes and every `everyMs` while the
// tab is visible. Answers to an outdated URL are dropped, so a slow reply never overwrites a newer range.
import { useCallback, useEffect, useRef, useState } from "react";

export function usePolling<T>(url: string, initial: T | null, everyMs: number) {
  const [data, setData] = useState<T | null>(initial);
  /** Why the last fetch failed (the API's own message when it sent one); null after a success. */
  const [error, setError] = useState<string | null>(null);
  const current = useRef(url);
  const skipFirst = useRef(initial !== null);

  const load = useCallback(async () => {
    const requested = url;
    try {
      const res = await fetch(requested, { cache: "no-store" });
      const json = (await res.json().catch(() => null)) as T | { error?: { message?: string } } | null;
      if (current.current !== requested) return;
      if (res.ok) {
        setData(json as T);
        setError(null);
      } else {
        setError((json as { error?: { message?: string } } | null)?.error?.message ?? `The server answered ${res.status}.`);
      }
    } catch {
      if (current.current === requested) setError("The server can't be reached.");
    }
  }, [url]);

  useEffect(() => {
    current.current = url;
    // The server rendered the first answer already; fetch at once only when the URL changes.
    if (skipFirst.current) skipFirst.current = false;
    else void load();
    const t = setInterval(() => {
      if (document.visibilityState === "visible") void load();
    }, everyMs);
    return () => clearInterval(t);
  }, [url, load, everyMs]);

  return { data, error, reload: load };
}
