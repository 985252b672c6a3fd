import { AppHeader } from "@/components/app-header";
import { TutorApp } from "@/components/tutor/tutor-app";
import { requirePageRole } from "@/lib/auth/guards";
import { isOfflineModel } from "@/lib/env";
import { peekStudentBudget } from "@/lib/tutor/deps";

export const dynamic = "force-dynamic";

// /tutor – the student's chat with the tutor.
export default async function TutorPage() {
  const user = await requirePageRole(["STUDENT"]);
  const budget = await peekStudentBudget(user.id).catch(() => null);
  const notice = isOfflineModel() ? "The AI tutor isn't connected on this server, so every answer comes from practice mode (a rule-based tutor)." : null;
  return (
    <>
      <AppHeader user={user} notice={notice} />
      <TutorApp initialBudget={budget} />
    </>
  );
}
