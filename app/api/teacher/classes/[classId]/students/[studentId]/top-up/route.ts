// POST /api/teacher/classes/:classId/students/:studentId/top-up – grant a one-off budget top-up (audited).
import { z } from "zod";
import { route } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db/client";
import { assertCanViewStudentOrThrow } from "@/lib/db/teacher-access";
import { grantStudentTopUp } from "@/lib/db/teacher-top-up";
import { getRedis } from "@/lib/redis";
import { getTutorDeps } from "@/lib/tutor/deps";

export const dynamic = "force-dynamic";

// The policy bounds the amount further (one window's budget); this only refuses nonsense early.
const Body = z
  .object({
    tokens: z.number().int("tokens must be a whole number").positive("tokens must be more than 0").max(10_000_000),
    note: z.string().trim().max(200).optional(),
  })
  .strict();

type Params = { classId: string; studentId: string };

export const POST = route<z.infer<typeof Body>, Params>({ surface: "top_up", roles: ["TEACHER", "ADMIN", "SUPER_ADMIN"], body: Body }, async ({ user, body, params }) => {
  const db = getPrisma();
  const { student } = await assertCanViewStudentOrThrow({ db, user, ...params, surface: "top_up" });
  const topUp = await grantStudentTopUp({ db, redis: getRedis(), deps: getTutorDeps(), actorId: user.id, studentId: student.id, tokens: body.tokens, note: body.note });
  return Response.json({ topUp });
});
