import { Suspense, type ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AppHeader } from "@/components/app-header";
import { requirePageRole } from "@/lib/auth/guards";
import { listNotifications } from "@/lib/db/admin-notifications";
import { getPrisma } from "@/lib/db/client";

export const dynamic = "force-dynamic";

// Every /admin page: the header, the console's sections and how many alerts came in today.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole(["ADMIN", "SUPER_ADMIN"]);
  const recent = await listNotifications({ db: getPrisma(), schoolId: user.role === "SUPER_ADMIN" ? null : user.schoolId, since: new Date(Date.now() - 86_400_000), limit: 100 }).catch(() => []);
  return (
    <>
      <AppHeader user={user} />
      <Suspense>
        <AdminNav superAdmin={user.role === "SUPER_ADMIN"} alerts={recent.length} />
      </Suspense>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
