// GET /api/teacher/classes/:classId/students/:studentId?range=… – one student's use, budget and conversations.
import { route } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db/client";
import { assertCanViewStudentOrThrow } from "@/lib/db/teacher-access";
import { peekStudentBudgets } from "@/lib/db/teacher-budgets";
import { getStudentUsage, listStudentConversations } from "@/lib/db/teacher-student";
import { parseRangeQuery } from "@/lib/db/usage-range";
import { getTutorDeps } from "@/lib/tutor/deps";

export const dynamic = "force-dynamic";

type Params = { classId: string; studentId: string };

export const GET = route<undefined, Params>({ surface: "student", roles: ["TEACHER", "ADMIN", "SUPER_ADMIN"] }, async ({ req, user, params }) => {
  const db = getPrisma();
  const { cls, student } = await assertCanViewStudentOrThrow({ db, user, ...params, surface: "student" });
  const range = parseRangeQuery(new URL(req.url).searchParams, cls.timeZone, "student");
  const [usage, conversations, budgets] = await Promise.all([
    getStudentUsage({ db, classId: cls.id, studentId: student.id, range }),
    listStudentConversations({ db, classId: cls.id, studentId: student.id }),
    peekStudentBudgets({ db, deps: getTutorDeps(), studentIds: [student.id] }),
  ]);
  return Response.json(
    { student: { id: student.id, name: student.name, email: student.email }, budget: budgets.get(student.id) ?? null, usage, conversations },
    { headers: { "cache-control": "no-store" } },
  );
});
