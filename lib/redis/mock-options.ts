// ioredis-mock matches the option keywords of SET and ZADD case-sensitively, in upper case,
// while @upstash/redis sends them in lower case ("set k v px 1000") and Redis accepts either:
// unfixed, the embedded store silently drops expiries and NX. Both the requester (REST
// commands) and the Lua prelude (redis.call) upper-case them from this one table.

interface OptionRule {
  /** Index, among the arguments after the command name, of the first possible option. */
  from: number;
  /** ZADD options come before the first score; members after it must stay as written. */
  untilNumber: boolean;
  words: string[];
}

export const OPTION_RULES: Record<string, OptionRule> = {
  set: { from: 2, untilNumber: false, words: ["nx", "xx", "get", "ex", "px", "exat", "pxat", "keepttl"] },
  zadd: { from: 1, untilNumber: true, words: ["nx", "xx", "gt", "lt", "ch", "incr"] },
};

export function upperCaseOptions(name: string, args: string[]): string[] {
  const rule = OPTION_RULES[name];
  if (!rule) return args;
  let stopped = false;
  return args.map((arg, i) => {
    if (i < rule.from || stopped) return arg;
    if (rule.untilNumber && arg.trim() !== "" && !Number.isNaN(Number(arg))) stopped = true;
    return !stopped && rule.words.includes(arg.toLowerCase()) ? arg.toUpperCase() : arg;
  });
}

/** The same rules as a Lua table literal for the script prelude (Lua indexes include the command). */
export function optionRulesLua(): string {
  const rules = Object.entries(OPTION_RULES).map(([name, r]) => {
    const words = r.words.map((w) => `${w} = true`).join(", ");
    return `${name} = { from = ${r.from + 2}, untilNumber = ${r.untilNumber}, words = { ${words} } }`;
  });
  return `{ ${rules.join(", ")} }`;
}
