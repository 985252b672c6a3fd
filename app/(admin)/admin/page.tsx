import { AppHeader } from "@/components/app-header";
import { ClassTable } from "@/components/class-table";
import { requirePageRole } from "@/lib/auth/guards";
import { getPrisma } from "@/lib/db/client";
import { listSchoolClasses } from "@/lib/db/classes";

export const dynamic = "force-dynamic";

// /admin – the school at a glance: every class and today's tutor use.
export default async function AdminHome() {
  const user = await requirePageRole(["ADMIN", "SUPER_ADMIN"]);
  const db = getPrisma();
  const classes = user.schoolId ? await listSchoolClasses({ db, schoolId: user.schoolId }) : [];
  const school = user.schoolId ? await db.school.findUnique({ where: { id: user.schoolId }, select: { name: true } }) : null;
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{school?.name ?? "District"}</h1>
        <p className="mt-1 text-slate-600">Every class and its tutor use today.</p>
        <div className="mt-6">
          <ClassTable classes={classes} caption="Classes in this school and today's tutor use" />
        </div>
      </main>
    </>
  );
}
