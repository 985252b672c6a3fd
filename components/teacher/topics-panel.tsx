"use client";
// What the class is asking about over the range: top keywords and questions asked more than once.
import type { ClassTopics } from "@/lib/db/usage-topics";
import { formatInt } from "./format";
import { usePolling } from "./use-polling";

export function TopicsPanel({ classId, query }: { classId: string; query: string }) {
  // Topics move slowly; once a minute is plenty.
  const { data, error } = usePolling<ClassTopics>(`/api/teacher/classes/${classId}/topics?${query}`, null, 60_000);
  return (
    <section aria-labelledby="topics-heading" data-testid="topics" className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="topics-heading" className="text-lg font-semibold">What students are asking</h2>
      {!data && <p className="mt-2 text-sm text-slate-500">{error ?? "Loading…"}</p>}
      {data && data.sampled === 0 && <p className="mt-2 text-sm text-slate-500">No questions in this range.</p>}
      {data && data.sampled > 0 && (
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <div>
            <h3 className="text-sm font-medium text-slate-700">Top topics</h3>
            <ol className="mt-2 flex flex-wrap gap-1.5">
              {data.topics.map((t) => (
                <li key={t.term} data-testid="topic" className="rounded-full bg-indigo-50 px-2.5 py-0.5 text-sm text-indigo-900">
                  {t.term} <span className="text-xs text-indigo-700">×{formatInt(t.count)}</span>
                </li>
              ))}
            </ol>
          </div>
          <div>
            <h3 className="text-sm font-medium text-slate-700">Asked more than once</h3>
            {data.questions.length === 0 ? (
              <p className="mt-2 text-sm text-slate-500">No question was asked twice.</p>
            ) : (
              <ol className="mt-2 space-y-1 text-sm">
                {data.questions.map((q) => (
                  <li key={q.text} className="flex gap-2">
                    <span className="w-8 shrink-0 text-right font-medium text-slate-600">×{q.count}</span>
                    <span title={q.text}>{q.example}</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
          <p className="text-xs text-slate-500 md:col-span-2">From the latest {formatInt(data.sampled)} questions in the range.</p>
        </div>
      )}
    </section>
  );
}
