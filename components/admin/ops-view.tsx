"use client";
// The live operations view: polls GET /api/ops/status every few seconds while the tab is visible.
import { useEffect, useState } from "react";
import type { Gauge, OpsStatus } from "@/lib/admin/ops";
import { adminFetch, withSchool } from "./admin-api";
import { Feedback, Section } from "./ui";

const POLL_MS = 3_000;
const LEVEL_TONE: Record<string, string> = { NORMAL: "bg-emerald-100 text-emerald-900", BUSY: "bg-amber-100 text-amber-900", PEAK: "bg-orange-200 text-orange-950", OVERLOADED: "bg-rose-200 text-rose-950" };
const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)} %`);

function GaugeRow({ label, g, testId }: { label: string; g: Gauge; testId: string }) {
  const share = g.capacity > 0 ? Math.min(1, g.used / g.capacity) : 0;
  return (
    <div data-testid={testId} data-used={g.used} data-limit={g.limit} className="text-sm">
      <div className="flex justify-between">
        <span>{label}</span>
        <span>
          {g.used.toLocaleString("en")} used of {g.limit.toLocaleString("en")} / min
        </span>
      </div>
      <div role="meter" aria-label={`${label} in use`} aria-valuemin={0} aria-valuemax={g.capacity} aria-valuenow={g.used} className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200">
        <div className={`h-full ${share > 0.9 ? "bg-rose-500" : share > 0.6 ? "bg-amber-500" : "bg-emerald-500"}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
    </div>
  );
}

/** schoolId: the school a super-admin picked (admins' own is implied); district: the view spans every school. */
export function OpsView({ schoolId, district }: { schoolId: string | null; district: boolean }) {
  const [status, setStatus] = useState<OpsStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      if (document.visibilityState === "hidden") return;
      try {
        const next = await adminFetch<OpsStatus>(withSchool("/api/ops/status", schoolId));
        if (stopped) return;
        setStatus(next);
        setProblem(null);
      } catch (err) {
        if (!stopped) setProblem((err as Error).message);
      }
    };
    void tick();
    const t = setInterval(tick, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(t);
    };
  }, [schoolId]);

  if (!status) return <Feedback state={problem ? { kind: "error", text: problem } : { kind: "ok", text: "Loading…" }} />;
  const { load, limits, queue, lastMinute, recent } = status;
  return (
    <div data-testid="ops-view" data-updated-at={status.at}>
      {problem && <Feedback state={{ kind: "error", text: `Not updating: ${problem}` }} />}
      <Section title="Load" testId="ops-load">
        <p className="flex items-center gap-3">
          <span data-testid="ops-level" className={`rounded-md px-2 py-1 text-sm font-semibold ${LEVEL_TONE[load?.level ?? ""] ?? "bg-slate-100"}`}>{load?.level ?? "unknown"}</span>
          <span className="text-sm text-slate-700">{load?.why ?? "The shared load level can't be read right now."}</span>
        </p>
        {status.provider === "offline" && <p className="mt-2 text-sm text-amber-900">No AI key is configured: every answer comes from practice mode.</p>}
        <p className="mt-2 text-xs text-slate-500">Updated {new Date(status.at).toLocaleTimeString("en-GB")} · every {POLL_MS / 1000} s</p>
      </Section>
      <Section title="The shared key" description="What the governor has handed out in the last minute against the key's limits, and who is waiting." testId="ops-limits">
        {limits ? (
          <div className="grid gap-3 md:grid-cols-3">
            <GaugeRow label="Requests (RPM)" g={limits.requests} testId="ops-rpm" />
            <GaugeRow label="Input tokens (ITPM)" g={limits.inputTokens} testId="ops-itpm" />
            <GaugeRow label="Output tokens (OTPM)" g={limits.outputTokens} testId="ops-otpm" />
          </div>
        ) : (
          <p className="text-sm text-slate-600">The governor can't be read right now.</p>
        )}
        {queue && (
          <p className="mt-3 text-sm" data-testid="ops-queue" data-depth={queue.depth}>
            Queue: {queue.depth} waiting · a new request would wait about {(queue.estimatedWaitMs / 1000).toFixed(1)} s{queue.pausedUntil && ` · paused by the provider until ${new Date(queue.pausedUntil).toLocaleTimeString("en-GB")}`}
          </p>
        )}
      </Section>
      <Section title="Upstream, last minute" testId="ops-upstream">
        {lastMinute ? (
          <dl className="grid grid-cols-2 gap-2 text-sm md:grid-cols-5">
            {[["Calls", lastMinute.calls, "ops-calls"], ["Rate-limited (429)", lastMinute.rateLimited, "ops-429"], ["Overloaded (529)", lastMinute.overloaded, "ops-529"], ["Other errors", lastMinute.otherErrors, "ops-errors"], ["Circuit", lastMinute.breaker, "ops-breaker"]].map(([k, v, id]) => (
              <div key={String(id)} className="rounded-lg bg-slate-50 p-2">
                <dt className="text-xs text-slate-600">{k}</dt>
                <dd data-testid={String(id)} className="text-lg font-semibold">{String(v)}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-slate-600">The outcome counters can't be read right now.</p>
        )}
      </Section>
      {recent && (
        <Section title={`Last ${recent.minutes} minutes`} description={district ? "Every school's turns from the usage ledger." : "This school's turns from the usage ledger."} testId="ops-recent">
          <p className="text-sm">
            <span data-testid="ops-turns">{recent.turns}</span> turns · prompt-cache hits {pct(recent.promptCacheHitRate)} · cached answers {pct(recent.answerCacheRate)} · upstream failures{" "}
            {Object.entries(recent.upstreamErrors).map(([s, n]) => `${s}: ${n}`).join(", ") || "none"}
          </p>
          <ul className="mt-2 flex flex-wrap gap-2 text-sm" aria-label="Mode mix">
            {Object.entries(recent.modeShare).map(([mode, share]) => (
              <li key={mode} data-testid={`ops-mode-${mode}`} data-share={share} className="rounded bg-slate-100 px-2 py-0.5">{mode} {pct(share)}</li>
            ))}
          </ul>
          <h3 className="mt-4 text-sm font-semibold">Top classes by tokens</h3>
          {recent.topClasses.length === 0 ? (
            <p className="text-sm text-slate-600">No class activity.</p>
          ) : (
            <ol className="mt-1 list-decimal pl-5 text-sm" data-testid="ops-top-classes">
              {recent.topClasses.map((c) => (
                <li key={c.classId}>{c.name}{district ? ` (${c.schoolName})` : ""}: {c.tokens.toLocaleString("en")} tokens, {c.turns} turns</li>
              ))}
            </ol>
          )}
        </Section>
      )}
    </div>
  );
}
