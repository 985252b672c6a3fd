"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { BudgetSnapshot } from "@/lib/tutor/types";
import { BudgetMeter } from "./budget-meter";
import { ConversationList, type ConversationItem } from "./conversation-list";
import { Markdown } from "./markdown";
import { ModeBadge } from "./mode-badge";
import { useTutorStream, type ChatMessage } from "./use-tutor-stream";

const SUBJECTS = ["Maths", "Science", "English", "History", "Geography"];

export function TutorApp({ initialBudget }: { initialBudget: BudgetSnapshot | null }) {
  const [budget, setBudget] = useState(initialBudget);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [conversations, setConversations] = useState<ConversationItem[]>([]);
  const [draft, setDraft] = useState("");
  const [subject, setSubject] = useState("");
  const [now, setNow] = useState(() => Date.now());
  const inputRef = useRef<HTMLTextAreaElement>(null);

  const refreshList = useCallback(async () => {
    const res = await fetch("/api/conversations").catch(() => null);
    if (res?.ok) setConversations(((await res.json()) as { conversations: ConversationItem[] }).conversations);
  }, []);
  const { messages, setMessages, send, busy, waitMs, problem, setProblem, announcement } = useTutorStream({ onBudget: setBudget, onConversation: setConversationId });

  useEffect(() => void refreshList(), [refreshList]);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  const retryIn = problem?.kind === "rate_limited" ? Math.max(0, Math.ceil((problem.retryAt - now) / 1000)) : 0;
  useEffect(() => {
    if (problem?.kind === "rate_limited" && retryIn === 0) setProblem(null);
  }, [problem, retryIn, setProblem]);

  async function submit() {
    const text = draft.trim();
    if (!text || busy || retryIn > 0) return;
    setDraft("");
    const ok = await send(text, conversationId, subject || null);
    // Nothing typed is lost: on failure the message goes back into the box.
    if (!ok) setDraft((d) => d || text);
    void refreshList();
    inputRef.current?.focus();
  }

  async function openConversation(id: string) {
    const res = await fetch(`/api/conversations/${id}`);
    if (!res.ok) return;
    const { conversation } = (await res.json()) as { conversation: { messages: { id: string; role: string; content: string; mode: ChatMessage["mode"] | null; reasonText: string | null }[] } };
    setConversationId(id);
    setProblem(null);
    setMessages(conversation.messages.map((m) => ({ id: m.id, role: m.role === "USER" ? "user" : "assistant", content: m.content, mode: m.mode ?? undefined, reasonText: m.reasonText ?? undefined })));
  }

  function newConversation() {
    setConversationId(null);
    setMessages([]);
    setProblem(null);
    inputRef.current?.focus();
  }

  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-6 md:grid-cols-[16rem_1fr]">
      <ConversationList items={conversations} activeId={conversationId} onOpen={openConversation} onNew={newConversation} />
      <section aria-label="Tutor chat" className="flex min-h-[70vh] flex-col rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <div className="flex items-center justify-between gap-4 border-b border-slate-100 px-4 py-3">
          <label className="text-sm">
            <span className="mr-2 text-slate-600">Subject</span>
            <select value={subject} onChange={(e) => setSubject(e.target.value)} className="rounded-md border border-slate-300 px-2 py-1">
              <option value="">Any</option>
              {SUBJECTS.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          </label>
          <BudgetMeter budget={budget} now={now} />
        </div>
        <ol data-testid="messages" className="flex-1 space-y-4 overflow-y-auto px-4 py-4">
          {messages.length === 0 && <li className="text-slate-500">Ask about anything you're learning. The tutor will help you work it out step by step.</li>}
          {messages.map((m) => (
            <li key={m.id} data-testid={m.role === "user" ? "user-message" : "tutor-message"} aria-busy={m.streaming || undefined} className={m.role === "user" ? "ml-auto max-w-[85%] rounded-2xl bg-indigo-600 px-4 py-2 text-white" : "max-w-[90%] rounded-2xl bg-slate-100 px-4 py-2"}>
              {m.role === "user" ? <p className="whitespace-pre-wrap">{m.content}</p> : <Markdown text={m.content || (m.streaming ? "…" : "")} />}
              {m.role === "assistant" && m.mode && <ModeBadge mode={m.mode} reasonText={m.reasonText} />}
            </li>
          ))}
        </ol>
        <p aria-live="polite" className="sr-only" data-testid="answer-announcement">{announcement}</p>
        {waitMs !== null && (
          <p role="status" data-testid="queue-wait" className="px-4 pb-2 text-sm text-slate-600">Lots of students are asking right now. Waiting for the tutor — about {Math.max(1, Math.round(waitMs / 1000))} s…</p>
        )}
        {problem && (
          <div role="status" data-testid="send-problem" className="mx-4 mb-2 flex items-center gap-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            <span>{problem.kind === "rate_limited" ? `You're sending messages quickly. You can send another in ${retryIn} s.` : problem.message}</span>
            {problem.kind === "failed" && (
              <button type="button" onClick={() => void submit()} className="ml-auto rounded-md border border-amber-300 px-2 py-0.5 hover:bg-amber-100">Try again</button>
            )}
          </div>
        )}
        <form onSubmit={(e) => { e.preventDefault(); void submit(); }} className="flex gap-2 border-t border-slate-100 p-3">
          <label htmlFor="tutor-input" className="sr-only">Your message</label>
          <textarea
            id="tutor-input"
            ref={inputRef}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); void submit(); } }}
            rows={2}
            placeholder="Ask a question, or paste your working… (Enter to send, Shift+Enter for a new line)"
            className="flex-1 resize-y rounded-md border border-slate-300 px-3 py-2 focus:outline-2 focus:outline-indigo-500"
          />
          <button type="submit" disabled={busy || retryIn > 0 || !draft.trim()} className="self-end rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-50">
            {busy ? "Thinking…" : "Send"}
          </button>
        </form>
      </section>
    </div>
  );
}
