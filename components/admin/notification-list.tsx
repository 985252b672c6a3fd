import type { NotificationRow } from "@/lib/db/admin-notifications";
import { EmptyState } from "./ui";

const TONE: Record<string, string> = { monthly_cap: "border-amber-400", peak_load: "border-orange-500", provider_errors: "border-rose-500" };

export function NotificationList({ items }: { items: NotificationRow[] }) {
  if (items.length === 0) return <EmptyState>No alerts. Budgets, load and the AI provider are within their thresholds.</EmptyState>;
  return (
    <ul className="space-y-2" aria-label="Alerts">
      {items.map((n) => (
        <li key={n.id} data-testid="notification" data-kind={n.kind} className={`border-l-4 bg-slate-50 px-3 py-2 ${TONE[n.kind] ?? "border-slate-400"}`}>
          <p className="font-medium">{n.title}</p>
          <p className="text-sm text-slate-700">{n.body}</p>
          <p className="text-xs text-slate-500">
            <time dateTime={n.at}>{new Date(n.at).toLocaleString("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" })} UTC</time>
            {n.schoolId === null && " · whole system"}
          </p>
        </li>
      ))}
    </ul>
  );
}
