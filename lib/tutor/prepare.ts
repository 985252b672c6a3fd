// Everything a turn must settle before the stream starts, so these answers can still be HTTP
// statuses: the student is active (403), the message limit allows it (429), the conversation is
// theirs (404). If PostgreSQL is down the turn still goes ahead on what the session knows.
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/roles";
import { isClassTime } from "./decide";
import type { EffectivePolicy, TurnDeps } from "./ports";
import type { TurnInput } from "./turn";

export type LoadedStudent = TurnInput["student"] & { timeZone: string; helpResources: string };

export interface PrepareDeps extends TurnDeps {
  /** null: no active student with that id. Throws when the database can't be reached. */
  loadStudent(studentId: string): Promise<LoadedStudent | null>;
  checkMessageLimit(studentId: string, policy: EffectivePolicy): Promise<{ ok: boolean; retryAfterSeconds: number }>;
}

const DEFAULT_HELP = "Please talk to a teacher, your school counsellor or another adult you trust.";

export async function prepareTurn(
  deps: PrepareDeps,
  req: { user: SessionUser; message: string; conversationId?: string; subject: string | null },
): Promise<TurnInput> {
  const student = await loadStudentOrSession(deps, req.user);
  if (!student) throw new AppError("forbidden:tutor", "This account can't use the tutor. Ask your teacher to check it is active.");
  const policy = await deps.loadPolicy(student);
  const limit = await deps.checkMessageLimit(student.id, policy);
  if (!limit.ok) {
    throw new AppError("rate_limit:tutor", `You've sent ${policy.messagesPerWindow} messages in a short time. You can send another in ${limit.retryAfterSeconds} seconds.`, {
      headers: { "retry-after": String(limit.retryAfterSeconds) },
    });
  }
  const conversation = await deps.loadConversation(student.id, req.conversationId);
  if (conversation === "not_found") throw new AppError("not_found:conversation", "That conversation doesn't exist. Start a new one.");
  const { timeZone, helpResources, ...profile } = student;
  return {
    student: profile,
    message: req.message,
    subject: req.subject,
    conversation,
    policy,
    classTime: isClassTime(new Date(deps.now()), timeZone),
    helpResources,
  };
}

async function loadStudentOrSession(deps: PrepareDeps, user: SessionUser): Promise<LoadedStudent | null> {
  try {
    return await deps.loadStudent(user.id);
  } catch (err) {
    // Database unreachable: answer anyway from the signed session; the ledger parks the turn.
    console.error("[tutor] student profile unavailable; using the session", err);
    if (!user.schoolId) return null;
    return { id: user.id, name: user.name, gradeLevel: null, schoolId: user.schoolId, classId: null, timeZone: "UTC", helpResources: DEFAULT_HELP };
  }
}
