// GET /api/conversations – the signed-in student's recent conversations.
import { route } from "@/lib/api/handler";
import { getPrisma } from "@/lib/db/client";
import { listConversations } from "@/lib/db/conversations";

export const dynamic = "force-dynamic";

export const GET = route({ surface: "conversations", roles: ["STUDENT"] }, async ({ user }) => {
  const conversations = await listConversations({ db: getPrisma(), studentId: user.id });
  return Response.json({ conversations });
});
