// Command-line flags for the load scripts: `--name value`, `--name=value`, `--flag`, `--no-flag`.
// Unknown flags and malformed numbers fail loudly, so a typo never silently runs the default.

export type FlagSpec = Record<string, number | boolean | "auto">;

export function parseFlags<T extends FlagSpec>(argv: string[], defaults: T): { [K in keyof T]: T[K] extends number ? number : boolean | "auto" } {
  const out: Record<string, number | boolean | "auto"> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) throw new Error(`unexpected argument: ${arg}`);
    const [rawName, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    const negated = rawName.startsWith("no-") && !(rawName in defaults);
    const name = negated ? rawName.slice(3) : rawName;
    if (!(name in defaults)) throw new Error(`unknown flag --${rawName} (known: ${Object.keys(defaults).map((k) => `--${k}`).join(", ")})`);
    if (typeof defaults[name] === "number") {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a non-negative number`);
      out[name] = value;
    } else out[name] = !negated;
  }
  return out as { [K in keyof T]: T[K] extends number ? number : boolean | "auto" };
}
