"use client";
// The price table: the built-in prices per model and the deployment's overrides (super-admins edit).
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { adminFetch } from "./admin-api";
import { buttonClass, Feedback, inputClass, quietButtonClass, Section } from "./ui";

interface PriceRow {
  model: string;
  input: number;
  output: number;
  source: "override" | "default";
}

export function PriceTable({ editable }: { editable: boolean }) {
  const [prices, setPrices] = useState<PriceRow[]>([]);
  const [draft, setDraft] = useState({ model: "", input: "", output: "" });
  const [feedback, setFeedback] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const load = useCallback(() => adminFetch<{ prices: PriceRow[] }>("/api/admin/prices").then((r) => setPrices(r.prices)), []);
  useEffect(() => void load().catch((err: Error) => setFeedback({ kind: "error", text: err.message })), [load]);

  async function run(call: () => Promise<unknown>, ok: string) {
    try {
      await call();
      setFeedback({ kind: "ok", text: ok });
      await load();
    } catch (err) {
      setFeedback({ kind: "error", text: (err as Error).message });
    }
  }
  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(() => adminFetch("/api/admin/prices", { method: "PUT", body: { model: draft.model, inputPerMTok: Number(draft.input), outputPerMTok: Number(draft.output) } }), `Price for ${draft.model} saved.`);
  };

  return (
    <Section title="Price table" description="US dollars per million tokens. Cache writes cost 1.25× and cache reads 0.1× the input price." testId="price-table">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Prices per model</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">Model</th>
            <th scope="col" className="px-3 py-2 text-right">Input</th>
            <th scope="col" className="px-3 py-2 text-right">Output</th>
            <th scope="col" className="px-3 py-2">Source</th>
          </tr>
        </thead>
        <tbody>
          {prices.map((p) => (
            <tr key={p.model} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 font-mono font-normal">{p.model}</th>
              <td className="px-3 py-2 text-right">${p.input}</td>
              <td className="px-3 py-2 text-right">${p.output}</td>
              <td className="px-3 py-2">
                {p.source === "override" ? "override" : "built-in"}
                {editable && p.source === "override" && (
                  <button type="button" className={`${quietButtonClass} ml-2`} onClick={() => run(() => adminFetch(`/api/admin/prices?model=${encodeURIComponent(p.model)}`, { method: "DELETE" }), `Back to the built-in price for ${p.model}.`)}>
                    Use built-in
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <form onSubmit={save} className="mt-4 flex flex-wrap items-end gap-2">
          {(["model", "input", "output"] as const).map((k) => (
            <label key={k} className="text-sm font-medium">
              {k === "model" ? "Model id" : `${k[0]!.toUpperCase()}${k.slice(1)} $/MTok`}
              <input className={`${inputClass} mt-1`} value={draft[k]} onChange={(e) => setDraft((d) => ({ ...d, [k]: e.target.value }))} />
            </label>
          ))}
          <button type="submit" className={buttonClass}>Set price</button>
        </form>
      )}
      <Feedback state={feedback} testId="price-feedback" />
    </Section>
  );
}
