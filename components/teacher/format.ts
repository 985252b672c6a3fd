// Number and time formatting shared by the teacher dashboard's server and client components.
// Fixed locale, so the server's render and the browser's agree (no hydration mismatch).
const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const usd = new Intl.NumberFormat("en", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatInt = (n: number) => integer.format(n);
export const formatCompact = (n: number) => (n < 10_000 ? integer.format(n) : compact.format(n));
/** Under a cent still shows as spend, not as $0.00. */
export const formatUsd = (n: number) => (n > 0 && n < 0.01 ? "< $0.01" : usd.format(n));
export const formatPercent = (share: number) => `${Math.round(share * 100)}%`;

export function formatTime(iso: string | number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/** "5 min ago", "3 h ago", "12 Mar" — how long since a student last used the tutor. */
export function formatSince(iso: string | null, now: number, timeZone: string): string {
  if (!iso) return "Never";
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return "Just now";
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short" }).format(new Date(iso));
}

/** Chart axis label for a bucket key: "14:00" for hours, "Mon 3" for days. */
export function formatBucket(bucket: string): string {
  if (bucket.includes("T")) return `${bucket.slice(11, 13)}:00`;
  const d = new Date(`${bucket}T12:00:00Z`);
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric" }).format(d);
}
