import Link from "next/link";
import { AppHeader } from "@/components/app-header";
import { AccessDenied } from "@/components/teacher/access-denied";
import { ClassDashboard } from "@/components/teacher/class-dashboard";
import { requirePageRole } from "@/lib/auth/guards";
import { getPrisma } from "@/lib/db/client";
import { openClassOrThrow } from "@/lib/db/teacher-access";
import { getClassDashboard } from "@/lib/db/teacher-dashboard";
import { pageRangeOrDefault, withAccessOrNotice } from "@/lib/db/teacher-pages";
import { getTutorDeps } from "@/lib/tutor/deps";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// /teacher/classes/:classId – one class's dashboard for a chosen range, kept live while open.
export default async function ClassPage({ params, searchParams }: Props) {
  const user = await requirePageRole(["TEACHER", "ADMIN", "SUPER_ADMIN"]);
  const { classId } = await params;
  const db = getPrisma();
  const access = await withAccessOrNotice(() => openClassOrThrow({ db, user, classId, surface: "dashboard" }));
  if (!access.ok) {
    return (
      <>
        <AppHeader user={user} />
        <main className="mx-auto max-w-3xl px-4 py-8"><AccessDenied message={access.message} /></main>
      </>
    );
  }
  const cls = access.value;
  const range = pageRangeOrDefault(await searchParams, cls.timeZone);
  const dashboard = await getClassDashboard({ db, deps: getTutorDeps(), cls, range });
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-7xl px-4 py-8">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
          <Link href="/teacher" className="text-indigo-700 underline-offset-2 hover:underline">My classes</Link> <span aria-hidden="true">/</span> {cls.name}
        </nav>
        <h1 className="mt-2 text-2xl font-semibold">{cls.name}</h1>
        {cls.subject && <p className="text-slate-600">{cls.subject}</p>}
        <div className="mt-6">
          <ClassDashboard initial={dashboard} initialRange={{ preset: range.preset, from: range.fromDate, to: range.toDate }} />
        </div>
      </main>
    </>
  );
}
