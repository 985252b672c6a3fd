import Link from "next/link";
import { signOutAction } from "@/lib/auth/actions";
import type { SessionUser } from "@/lib/auth/roles";

const NAV: Record<SessionUser["role"], { href: string; label: string }[]> = {
  STUDENT: [{ href: "/tutor", label: "Tutor" }],
  TEACHER: [{ href: "/teacher", label: "My classes" }],
  ADMIN: [{ href: "/admin", label: "School" }],
  SUPER_ADMIN: [{ href: "/admin", label: "District" }],
};

export function AppHeader({ user, notice }: { user: SessionUser; notice?: string | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-indigo-700">Fairtutor</Link>
        <nav aria-label="Main" className="flex gap-4 text-sm">
          {NAV[user.role].map((n) => (
            <Link key={n.href} href={n.href} className="text-slate-700 hover:text-indigo-700">{n.label}</Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span data-testid="user-name" className="text-slate-600">{user.name}</span>
          <form action={signOutAction}>
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50">Sign out</button>
          </form>
        </div>
      </div>
      {notice && (
        <p data-testid="offline-notice" className="bg-amber-50 px-4 py-2 text-center text-sm text-amber-900">{notice}</p>
      )}
    </header>
  );
}
