// GET /api/conversations/:id – one of the signed-in student's transcripts, with each answer's mode.
import { z } from "zod";
import { route } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db/client";
import { getTranscript } from "@/lib/db/conversations";
import { AppError } from "@/lib/errors";
import { reasonText } from "@/lib/tutor/reasons";
import { REASONS, type Reason } from "@/lib/tutor/types";

export const dynamic = "force-dynamic";

const idSchema = z.string().min(1).max(64);

export const GET = route<undefined, { id: string }>({ surface: "conversation", roles: ["STUDENT"] }, async ({ user, params }) => {
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new AppError("bad_request:conversation", "That conversation id is not valid.");
  const convo = await getTranscript({ db: getPrisma(), studentId: user.id, conversationId: id.data });
  // Another student's conversation looks exactly like a missing one: its existence is not revealed.
  if (!convo) throw new AppError("not_found:conversation");
  const messages = convo.messages.map((m) => ({
    ...m,
    reasonText: m.reason && (REASONS as readonly string[]).includes(m.reason) ? reasonText(m.reason as Reason, m.mode ?? undefined) : null,
  }));
  return Response.json({ conversation: { ...convo, messages } });
});
