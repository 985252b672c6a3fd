"use client";
// A school's privacy and alert settings: how long transcripts are kept, and where alerts are posted.
import { useState, type FormEvent } from "react";
import type { SchoolSettings } from "@/lib/db/admin-schools";
import { adminFetch } from "./admin-api";
import { buttonClass, Feedback, inputClass, quietButtonClass, Section } from "./ui";

export function SettingsForm({ initial, schoolId }: { initial: SchoolSettings; schoolId: string | null }) {
  const [settings, setSettings] = useState(initial);
  const [retention, setRetention] = useState(initial.transcriptRetentionDays == null ? "" : String(initial.transcriptRetentionDays));
  const [url, setUrl] = useState(initial.alertWebhookUrl ?? "");
  const [feedback, setFeedback] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  async function patch(body: Record<string, unknown>, ok: string) {
    try {
      const r = await adminFetch<{ settings: SchoolSettings }>("/api/admin/settings", { method: "PATCH", body: { ...body, ...(schoolId && { schoolId }) } });
      setSettings(r.settings);
      setFeedback({ kind: "ok", text: ok });
    } catch (err) {
      setFeedback({ kind: "error", text: (err as Error).message });
    }
  }
  const saveRetention = (e: FormEvent) => {
    e.preventDefault();
    const days = retention.trim() === "" ? null : Number(retention);
    void patch({ transcriptRetentionDays: days }, days === null ? "Transcripts are kept until deleted." : `Transcripts older than ${days} days will be deleted by the nightly purge.`);
  };
  const saveWebhook = (e: FormEvent) => {
    e.preventDefault();
    void patch({ alertWebhookUrl: url.trim() || null }, url.trim() ? "Alerts will be posted to the webhook." : "Webhook removed.");
  };

  return (
    <>
      <Section title="Transcript retention" description="Conversations are deleted this many days after their last message (npm run db:purge-transcripts, run daily). Usage totals, budgets and cost reports are kept." testId="retention">
        <form onSubmit={saveRetention} className="flex flex-wrap items-end gap-2">
          <label className="text-sm font-medium">
            Keep transcripts for (days)
            <input inputMode="numeric" className={`${inputClass} mt-1`} value={retention} placeholder="forever" onChange={(e) => setRetention(e.target.value)} />
          </label>
          <button type="submit" className={buttonClass}>Save retention</button>
        </form>
      </Section>
      <Section title="Alert webhook" description="Alerts (80 % and 100 % of the monthly cap, sustained peak load, AI provider errors) appear on the overview and are POSTed here as JSON." testId="webhook">
        <form onSubmit={saveWebhook} className="flex flex-wrap items-end gap-2">
          <label className="min-w-80 flex-1 text-sm font-medium">
            Webhook URL
            <input type="url" className={`${inputClass} mt-1`} value={url} placeholder="https://example.org/hooks/fairtutor" onChange={(e) => setUrl(e.target.value)} />
          </label>
          <button type="submit" className={buttonClass}>Save webhook</button>
        </form>
        {settings.alertWebhookSecret && (
          <div className="mt-3 text-sm">
            <p>
              Each request carries <code>x-fairtutor-timestamp</code> and <code>x-fairtutor-signature: sha256=HMAC-SHA256(secret, timestamp + &quot;.&quot; + body)</code>. Signing secret:
            </p>
            <p className="mt-1 flex items-center gap-2">
              <code data-testid="webhook-secret" className="rounded bg-slate-100 px-2 py-1">{settings.alertWebhookSecret}</code>
              <button type="button" className={quietButtonClass} onClick={() => patch({ rotateWebhookSecret: true }, "New secret generated; the old one no longer signs alerts.")}>
                New secret
              </button>
            </p>
          </div>
        )}
      </Section>
      <Feedback state={feedback} testId="settings-feedback" />
    </>
  );
}
