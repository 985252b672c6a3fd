import Link from "next/link";
import { AppHeader } from "@/components/app-header";
import { AccessDenied } from "@/components/teacher/access-denied";
import { AutoRefresh } from "@/components/teacher/auto-refresh";
import { StudentBudgetCard } from "@/components/teacher/student-budget-card";
import { StudentConversations } from "@/components/teacher/student-conversations";
import { Transcript } from "@/components/teacher/transcript";
import { UsageChart } from "@/components/teacher/usage-chart";
import { requirePageRole } from "@/lib/auth/guards";
import { getPrisma } from "@/lib/db/client";
import { assertCanViewStudentOrThrow, isId } from "@/lib/db/teacher-access";
import { peekStudentBudgets } from "@/lib/db/teacher-budgets";
import { pageRangeOrDefault, withAccessOrNotice } from "@/lib/db/teacher-pages";
import { getConversationTranscript, getStudentUsage, listStudentConversations } from "@/lib/db/teacher-student";
import { getTopUpAllowance } from "@/lib/db/teacher-top-up";
import { getRedis } from "@/lib/redis";
import { getTutorDeps } from "@/lib/tutor/deps";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ classId: string; studentId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// /teacher/classes/:classId/students/:studentId – one student's use, budget (with top-up) and transcripts.
export default async function StudentPage({ params, searchParams }: Props) {
  const user = await requirePageRole(["TEACHER", "ADMIN", "SUPER_ADMIN"]);
  const { classId, studentId } = await params;
  const db = getPrisma();
  const access = await withAccessOrNotice(() => assertCanViewStudentOrThrow({ db, user, classId, studentId, surface: "student" }));
  if (!access.ok) {
    return (
      <>
        <AppHeader user={user} />
        <main className="mx-auto max-w-3xl px-4 py-8"><AccessDenied message={access.message} /></main>
      </>
    );
  }
  const { cls, student } = access.value;
  const sp = await searchParams;
  const range = pageRangeOrDefault(sp, cls.timeZone);
  const deps = getTutorDeps();
  const [usage, conversations, budgets, allowance] = await Promise.all([
    getStudentUsage({ db, classId, studentId, range }),
    listStudentConversations({ db, classId, studentId }),
    peekStudentBudgets({ db, deps, studentIds: [studentId] }),
    getTopUpAllowance({ redis: getRedis(), deps, studentId }),
  ]);
  const openId = typeof sp.conversation === "string" ? sp.conversation : conversations[0]?.id;
  const transcript = openId && isId(openId) ? await getConversationTranscript({ db, classId, studentId, conversationId: openId }) : null;
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-7xl px-4 py-8">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
          <Link href="/teacher" className="text-indigo-700 underline-offset-2 hover:underline">My classes</Link> <span aria-hidden="true">/</span>{" "}
          <Link href={`/teacher/classes/${classId}`} className="text-indigo-700 underline-offset-2 hover:underline">{cls.name}</Link> <span aria-hidden="true">/</span> {student.name}
        </nav>
        <h1 className="mt-2 text-2xl font-semibold">{student.name}</h1>
        <p className="text-slate-600">{student.email}</p>
        <div className="mt-6 grid gap-6 lg:grid-cols-[22rem_1fr]">
          <StudentBudgetCard classId={classId} studentId={studentId} budget={budgets.get(studentId) ?? null} allowance={allowance} timeZone={cls.timeZone} />
          <div className="space-y-2">
            <nav aria-label="Range" className="flex gap-2 text-sm">
              {(["today", "7d", "30d"] as const).map((p) => (
                <Link key={p} href={`?range=${p}`} aria-current={range.preset === p ? "page" : undefined} className={`rounded-md px-3 py-1 ring-1 ${range.preset === p ? "bg-indigo-600 text-white ring-indigo-600" : "ring-slate-300 hover:bg-slate-50"}`}>
                  {p === "today" ? "Today" : p === "7d" ? "7 days" : "30 days"}
                </Link>
              ))}
            </nav>
            <UsageChart series={usage.series} title={`${usage.totals.messages} messages, by answer mode`} />
          </div>
        </div>
        <div className="mt-6 grid gap-6 lg:grid-cols-[22rem_1fr]">
          <StudentConversations conversations={conversations} openId={transcript?.id ?? null} range={range.preset} timeZone={cls.timeZone} />
          {transcript ? <Transcript title={transcript.title} messages={transcript.messages} timeZone={cls.timeZone} /> : <p className="text-slate-600">No conversation to show.</p>}
        </div>
        <AutoRefresh everyMs={15_000} />
      </main>
    </>
  );
}
