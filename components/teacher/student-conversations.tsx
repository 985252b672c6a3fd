// The student's conversations in this class, newest first; one is open beside the list.
import Link from "next/link";
import type { ConversationSummary } from "@/lib/db/teacher-student";
import { formatDateTime } from "./format";

export function StudentConversations({ conversations, openId, range, timeZone }: { conversations: ConversationSummary[]; openId: string | null; range: string; timeZone: string }) {
  return (
    <nav aria-label="Conversations" className="rounded-xl bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <h2 className="px-1 text-lg font-semibold">Conversations</h2>
      {conversations.length === 0 && <p className="mt-2 px-1 text-sm text-slate-600">No conversations in this class yet.</p>}
      <ul className="mt-2 max-h-[32rem] space-y-1 overflow-y-auto text-sm">
        {conversations.map((c) => (
          <li key={c.id}>
            <Link href={`?range=${range}&conversation=${c.id}`} aria-current={c.id === openId ? "page" : undefined} className={`block rounded-md px-2 py-1.5 hover:bg-slate-100 ${c.id === openId ? "bg-slate-100 font-medium" : ""}`}>
              <span className="block truncate">{c.title}</span>
              <span className="text-xs font-normal text-slate-500">
                {formatDateTime(c.updatedAt, timeZone)} · {c.questions} {c.questions === 1 ? "question" : "questions"}
                {c.safetyFlags > 0 && <span className="ml-1 rounded bg-rose-100 px-1 text-rose-800">safety</span>}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
