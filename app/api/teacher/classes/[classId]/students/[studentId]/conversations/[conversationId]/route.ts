// GET /api/teacher/classes/:classId/students/:studentId/conversations/:conversationId – a read-only transcript.
import { route } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db/client";
import { assertCanViewStudentOrThrow, assertIdOrThrow } from "@/lib/db/teacher-access";
import { getConversationTranscript } from "@/lib/db/teacher-student";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Params = { classId: string; studentId: string; conversationId: string };

export const GET = route<undefined, Params>({ surface: "transcript", roles: ["TEACHER", "ADMIN", "SUPER_ADMIN"] }, async ({ user, params }) => {
  const db = getPrisma();
  const conversationId = assertIdOrThrow(params.conversationId, "transcript", "conversation");
  const { cls, student } = await assertCanViewStudentOrThrow({ db, user, classId: params.classId, studentId: params.studentId, surface: "transcript" });
  const conversation = await getConversationTranscript({ db, classId: cls.id, studentId: student.id, conversationId });
  if (!conversation) throw new AppError("not_found:transcript", "That conversation isn't this student's in this class.");
  return Response.json({ conversation }, { headers: { "cache-control": "no-store" } });
});
