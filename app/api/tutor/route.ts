// POST /api/tutor – stream a tutor answer for the signed-in student (SSE; contract in lib/tutor/sse.ts).
import { z } from "zod";
import { route } from "@/lib/api/handler";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { prepareTurn } from "@/lib/tutor/prepare";
import { sseResponse } from "@/lib/tutor/sse-response";
import { runTurn } from "@/lib/tutor/turn";
import { getTutorDeps } from "@/lib/tutor/deps";
import { naiveTutorResponse } from "@/lib/tutor/naive-turn";

export const dynamic = "force-dynamic";

const body = z.object({
  message: z.string({ error: "message must be a string" }),
  conversationId: z.string().min(1).max(64).optional(),
  subject: z.string().trim().max(40).optional(),
});

export const POST = route({ surface: "tutor", roles: ["STUDENT"], body }, async ({ user, body }) => {
  const message = body.message.trim();
  if (!message) throw new AppError("bad_request:tutor", "Type a question or some working for the tutor to look at.");
  if (message.length > env.MAX_MESSAGE_CHARS) {
    throw new AppError("payload_too_large:tutor", `That message is too long for the tutor (over ${env.MAX_MESSAGE_CHARS.toLocaleString("en")} characters). Paste a shorter part.`);
  }
  // Benchmark-only baseline without the gate (TUTOR_PIPELINE=naive; README "Benchmarks").
  if (env.TUTOR_PIPELINE === "naive") return naiveTutorResponse({ user, message, conversationId: body.conversationId, subject: body.subject || null });
  const deps = getTutorDeps();
  const input = await prepareTurn(deps, { user, message, conversationId: body.conversationId, subject: body.subject || null });
  return sseResponse(runTurn(deps, input));
});
