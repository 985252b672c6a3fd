// A conversation as the student saw it, read-only: their questions, the tutor's answers rendered the
// same way, each answer with its mode badge and reason, safety flags marked.
import { Markdown } from "@/components/tutor/markdown";
import { ModeBadge } from "@/components/tutor/mode-badge";
import type { TranscriptMessage } from "@/lib/db/teacher-student";
import { reasonText } from "@/lib/tutor/reasons";
import { REASONS, type Reason } from "@/lib/tutor/types";
import { formatDateTime } from "./format";

const isReason = (r: string | null): r is Reason => r !== null && (REASONS as readonly string[]).includes(r);

export function Transcript({ title, messages, timeZone }: { title: string; messages: TranscriptMessage[]; timeZone: string }) {
  return (
    <section aria-labelledby="transcript-heading" data-testid="transcript" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="transcript-heading" className="text-lg font-semibold">{title}</h2>
      <p className="text-xs text-slate-500">Read-only transcript</p>
      <ol className="mt-4 space-y-3">
        {messages.map((m) => (
          <li key={m.id} data-testid="transcript-message" data-role={m.role} className={m.role === "USER" ? "ml-auto max-w-[85%] rounded-xl bg-indigo-50 p-3" : "max-w-[95%] rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200"}>
            <p className="text-xs text-slate-500">
              {m.role === "USER" ? "Student" : "Tutor"} · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, timeZone)}</time>
              {m.flag === "safety" && <span className="ml-2 rounded bg-rose-100 px-1.5 font-medium text-rose-800">Safety flag</span>}
            </p>
            {m.role === "USER" ? <p className="mt-1 whitespace-pre-wrap">{m.content}</p> : <Markdown text={m.content} />}
            {m.role === "ASSISTANT" && m.mode && <ModeBadge mode={m.mode} reasonText={isReason(m.reason) ? reasonText(m.reason, m.mode) : undefined} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
