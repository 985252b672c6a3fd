"use client";
// The admin console's sections. A super-admin's chosen school (?school=) travels with every link.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/budgets", label: "Budgets" },
  { href: "/admin/users", label: "People" },
  { href: "/admin/classes", label: "Classes" },
  { href: "/admin/ops", label: "Live operations" },
  { href: "/admin/reports", label: "Costs" },
  { href: "/admin/settings", label: "Settings & privacy" },
  { href: "/admin/audit", label: "Audit log" },
];

export function AdminNav({ superAdmin, alerts }: { superAdmin: boolean; alerts: number }) {
  const path = usePathname();
  const school = useSearchParams().get("school");
  const items = superAdmin ? [...SECTIONS, { href: "/admin/schools", label: "Schools & key shares" }] : SECTIONS;
  return (
    <nav aria-label="Admin" className="border-b border-slate-200 bg-white">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-5 gap-y-1 px-4 py-2 text-sm">
        {items.map((s) => {
          const active = s.href === "/admin" ? path === "/admin" : path.startsWith(s.href);
          return (
            <li key={s.href}>
              <Link
                href={school ? `${s.href}?school=${encodeURIComponent(school)}` : s.href}
                aria-current={active ? "page" : undefined}
                className={active ? "font-semibold text-indigo-700" : "text-slate-700 hover:text-indigo-700"}
              >
                {s.label}
                {s.href === "/admin" && alerts > 0 && (
                  <span data-testid="alert-count" className="ml-1 rounded-full bg-rose-600 px-1.5 text-xs font-semibold text-white" aria-label={`${alerts} alerts in the last day`}>
                    {alerts}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
