import { AppHeader } from "@/components/app-header";
import { ClassTable } from "@/components/class-table";
import { requirePageRole } from "@/lib/auth/guards";
import { getPrisma } from "@/lib/db/client";
import { listTeacherClasses } from "@/lib/db/classes";

export const dynamic = "force-dynamic";

// /teacher – the teacher's classes with today's use of the tutor.
export default async function TeacherHome() {
  const user = await requirePageRole(["TEACHER"]);
  const classes = await listTeacherClasses({ db: getPrisma(), teacherId: user.id });
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-semibold">My classes</h1>
        <p className="mt-1 text-slate-600">How your students are using the tutor today.</p>
        <div className="mt-6">
          <ClassTable classes={classes} caption="Your classes and today's tutor use" />
        </div>
      </main>
    </>
  );
}
