// Just enough SVG to draw the benchmark's charts without a browser or a dependency: panels with
// axes and ticks, lines, step lines and stacked bars, legends. Everything is plain strings.

export interface Panel {
  x: number;
  y: number;
  w: number;
  h: number;
  xMax: number;
  yMax: number;
  /** Log-scaled x between xMin and xMax (both > 0). */
  xLog?: { min: number };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const r1 = (n: number) => Math.round(n * 10) / 10;

export function text(x: number, y: number, s: string, o: { size?: number; anchor?: "start" | "middle" | "end"; weight?: string; fill?: string } = {}): string {
  return `<text x="${r1(x)}" y="${r1(y)}" font-size="${o.size ?? 11}" text-anchor="${o.anchor ?? "start"}"${o.weight ? ` font-weight="${o.weight}"` : ""} fill="${o.fill ?? "#222"}">${esc(s)}</text>`;
}

export function px(p: Panel, x: number): number {
  if (p.xLog) {
    const lo = Math.log10(p.xLog.min);
    const v = Math.log10(Math.max(p.xLog.min, x));
    return p.x + ((v - lo) / (Math.log10(p.xMax) - lo)) * p.w;
  }
  return p.x + (Math.min(x, p.xMax) / (p.xMax || 1)) * p.w;
}

export function py(p: Panel, y: number): number {
  return p.y + p.h - (Math.min(y, p.yMax) / (p.yMax || 1)) * p.h;
}

/** Rounds a maximum up to 1, 2 or 5 × 10^k so ticks land on round numbers. */
export function niceMax(v: number): number {
  if (v <= 0) return 1;
  const k = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].find((m) => m * k >= v) ?? 10) * k;
}

export function axes(p: Panel, o: { title: string; xLabel?: string; yTicks?: string[]; xTicks?: number[]; xFormat?: (v: number) => string }): string {
  const parts = [`<rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" fill="#fafafa" stroke="#ccc"/>`, text(p.x, p.y - 6, o.title, { size: 12, weight: "600" })];
  const yTicks = o.yTicks ?? [0, 0.5, 1].map((f) => String(r1(f * p.yMax)));
  yTicks.forEach((label, i) => {
    const yy = p.y + p.h - (i / Math.max(1, yTicks.length - 1)) * p.h;
    parts.push(`<line x1="${p.x}" x2="${p.x + p.w}" y1="${r1(yy)}" y2="${r1(yy)}" stroke="#eee"/>`, text(p.x - 4, yy + 4, label, { anchor: "end", size: 10 }));
  });
  const step = niceMax(p.xMax / 6);
  const xTicks = o.xTicks ?? Array.from({ length: Math.floor(p.xMax / step) + 1 }, (_, i) => i * step);
  for (const v of xTicks) parts.push(text(px(p, v), p.y + p.h + 13, (o.xFormat ?? ((n) => String(Math.round(n))))(v), { anchor: "middle", size: 10 }));
  if (o.xLabel) parts.push(text(p.x + p.w, p.y + p.h + 26, o.xLabel, { anchor: "end", size: 10, fill: "#666" }));
  return parts.join("");
}

export function line(p: Panel, pts: [number, number][], color: string, o: { step?: boolean; dash?: boolean; width?: number } = {}): string {
  if (pts.length === 0) return "";
  const coords: string[] = [];
  pts.forEach(([x, y], i) => {
    if (o.step && i > 0) coords.push(`${r1(px(p, x))},${r1(py(p, pts[i - 1]![1]))}`);
    coords.push(`${r1(px(p, x))},${r1(py(p, y))}`);
  });
  return `<polyline fill="none" stroke="${color}" stroke-width="${o.width ?? 1.5}"${o.dash ? ' stroke-dasharray="4 3"' : ""} points="${coords.join(" ")}"/>`;
}

/** Stacked bars: one per bin of width `binW` (x units), segments in series order from the bottom. */
export function stackedBars(p: Panel, bins: { x: number; values: number[] }[], binW: number, colors: string[]): string {
  const out: string[] = [];
  for (const b of bins) {
    let base = 0;
    const x0 = px(p, b.x);
    const w = Math.max(1, px(p, b.x + binW) - x0 - 1);
    b.values.forEach((v, i) => {
      if (v <= 0) return;
      const top = py(p, base + v);
      out.push(`<rect x="${r1(x0)}" y="${r1(top)}" width="${r1(w)}" height="${r1(py(p, base) - top)}" fill="${colors[i]}"/>`);
      base += v;
    });
  }
  return out.join("");
}

const legendWidth = (label: string) => 24 + label.length * 6;

/** A one-line legend ending at xRight (so it never runs into a panel title on the left). */
export function legend(xRight: number, y: number, items: { label: string; color: string; dash?: boolean }[]): string {
  let cx = xRight - items.reduce((w, it) => w + legendWidth(it.label), 0);
  return items
    .map((it) => {
      const s = `<line x1="${cx}" x2="${cx + 14}" y1="${y - 4}" y2="${y - 4}" stroke="${it.color}" stroke-width="3"${it.dash ? ' stroke-dasharray="4 3"' : ""}/>${text(cx + 18, y, it.label, { size: 10 })}`;
      cx += legendWidth(it.label);
      return s;
    })
    .join("");
}

export function document(w: number, h: number, body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif">\n<rect width="${w}" height="${h}" fill="#fff"/>\n${body.join("\n")}\n</svg>\n`;
}
