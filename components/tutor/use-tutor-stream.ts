"use client";
// Sends one message to POST /api/tutor and follows its SSE stream. Knows nothing about layout.
import { useCallback, useRef, useState } from "react";
import { parseEvents, type DoneEvent, type MetaEvent } from "@/lib/tutor/sse";
import type { BudgetSnapshot } from "@/lib/tutor/types";

export interface ChatMessage {
  id: string;
  role: "user" | "assistant";
  content: string;
  mode?: MetaEvent["mode"];
  reasonText?: string;
  streaming?: boolean;
}

export type SendProblem =
  | { kind: "rate_limited"; retryAt: number; message: string }
  | { kind: "failed"; message: string };

export function useTutorStream(opts: { onBudget: (b: BudgetSnapshot) => void; onConversation: (id: string) => void }) {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [busy, setBusy] = useState(false);
  const [waitMs, setWaitMs] = useState<number | null>(null);
  const [problem, setProblem] = useState<SendProblem | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const optsRef = useRef(opts);
  optsRef.current = opts;

  const send = useCallback(async (text: string, conversationId: string | null, subject: string | null): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    const userMsg: ChatMessage = { id: `local-${Date.now()}`, role: "user", content: text };
    const replyId = `reply-${Date.now()}`;
    setMessages((m) => [...m, userMsg, { id: replyId, role: "assistant", content: "", streaming: true }]);
    const patchReply = (patch: (m: ChatMessage) => ChatMessage) => setMessages((all) => all.map((m) => (m.id === replyId ? patch(m) : m)));
    let finished = false;
    try {
      const res = await fetch("/api/tutor", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message: text, ...(conversationId ? { conversationId } : {}), ...(subject ? { subject } : {}) }),
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        const message = body?.error?.message ?? "The tutor couldn't take that message.";
        if (res.status === 429) {
          const seconds = Number(res.headers.get("retry-after") ?? 30);
          setProblem({ kind: "rate_limited", retryAt: Date.now() + seconds * 1000, message });
        } else {
          setProblem({ kind: "failed", message });
        }
        setMessages((all) => all.filter((m) => m.id !== replyId && m.id !== userMsg.id));
        return false;
      }
      for await (const e of parseEvents(res.body)) {
        if (e.event === "meta") {
          optsRef.current.onConversation(e.data.conversationId);
          optsRef.current.onBudget(e.data.budget);
          setWaitMs(null);
          patchReply((m) => ({ ...m, mode: e.data.mode, reasonText: e.data.reasonText }));
        } else if (e.event === "queued") {
          setWaitMs(e.data.estimatedWaitMs);
        } else if (e.event === "delta") {
          setWaitMs(null);
          patchReply((m) => ({ ...m, content: m.content + e.data.text }));
        } else if (e.event === "done") {
          finished = true;
          finish(e.data);
        } else if (e.event === "error") {
          finished = true;
          setProblem({ kind: "failed", message: e.data.message });
        }
      }
      if (!finished) throw new Error("stream ended early");
      return true;
    } catch {
      if (!finished) {
        setProblem({ kind: "failed", message: "The connection was lost before the answer finished. Your message is still in the box — try again." });
        setMessages((all) => all.filter((m) => m.id !== replyId && m.id !== userMsg.id));
      }
      return finished;
    } finally {
      setBusy(false);
      setWaitMs(null);
    }

    function finish(d: DoneEvent) {
      optsRef.current.onBudget(d.budget);
      patchReply((m) => {
        setAnnouncement(m.content);
        return { ...m, streaming: false, mode: d.mode, reasonText: d.reasonText };
      });
    }
  }, []);

  return { messages, setMessages, send, busy, waitMs, problem, setProblem, announcement };
}
