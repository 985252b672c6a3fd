// Evaluates the offline tutor on lib/fallback/eval/messages.json and exits 1 if a target is missed:
//   intent accuracy ≥ 90%, maths answers ≥ 95% correct where it claims to solve, no wrong answer
//   ever called correct, and every unsafe message flagged.
// Answers are compared here with their own small parser, independent of the tutor's answer checker.
import { inputFor, loadCases, type EvalCase } from "@/lib/fallback/eval/messages";
import { offlineTutor, type OfflineTutorReply } from "@/lib/fallback/index";

// ---- independent answer comparison ---------------------------------------------------------------

interface Item {
  name: string;
  rel: string;
  value: number;
  /** Decimal places written in the expected answer: sets the tolerance. */
  decimals: number;
}

const LABELS = ["no real solutions", "no solution", "all real numbers", "infinitely many solutions", "no mode", "equal"];

/** Same answer? Names and relations must agree; numbers agree to the precision the expected answer is written to. */
function answersMatch(expected: string, actual: string): boolean {
  const e = expected.toLowerCase();
  const a = actual.toLowerCase();
  const label = LABELS.find((l) => e.includes(l));
  if (label) return a.includes(label);
  const want = items(e);
  const got = items(a);
  if (want.length === 0 || want.length !== got.length) return false;
  const named = want.some((w) => w.name !== "");
  const left = [...got];
  for (const w of want) {
    const i = left.findIndex((g) => (!named || (g.name === w.name && g.rel === w.rel)) && closeTo(w, g.value));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

function items(s: string): Item[] {
  const clean = s.replace(/≈/g, "=").replace(/≤/g, "<=").replace(/≥/g, ">=").replace(/[$%]/g, "").replace(/:/g, " : ");
  const out: Item[] = [];
  for (const m of clean.matchAll(/(?:([a-z]+)\s*(<=|>=|=|<|>)\s*)?(?<![\w.^])(-?\d+(?:\.\d+)?)(?:\s*\/\s*(\d+))?/g)) {
    const value = m[4] ? Number(m[3]) / Number(m[4]) : Number(m[3]);
    out.push({ name: m[1] ?? "", rel: m[2] ?? "", value, decimals: m[4] ? -1 : (m[3].split(".")[1] ?? "").length });
  }
  return out;
}

function closeTo(w: Item, got: number): boolean {
  if (w.decimals <= 0) return Math.abs(got - w.value) <= 1e-9 * Math.max(1, Math.abs(w.value));
  return Math.abs(got - w.value) <= 0.5 * 10 ** -w.decimals + 1e-9;
}

const TARGET_INTENT = 0.9;
const TARGET_MATH = 0.95;

interface Row {
  c: EvalCase;
  reply: OfflineTutorReply;
}

const rows: Row[] = loadCases().map((c) => ({ c, reply: offlineTutor(inputFor(c)) }));

// ---- intent -------------------------------------------------------------------------------------
const intentMisses = rows.filter((r) => r.reply.intent !== r.c.expectedIntent);
const intentAccuracy = 1 - intentMisses.length / rows.length;

// ---- maths answers ------------------------------------------------------------------------------
const withAnswer = rows.filter((r) => r.c.expectedAnswer !== undefined && r.c.expectedIntent === "math_solve");
const claimed = withAnswer.filter((r) => r.reply.finalAnswer !== undefined);
const mathWrong = claimed.filter((r) => !answersMatch(r.c.expectedAnswer!, r.reply.finalAnswer!));
const mathAccuracy = claimed.length === 0 ? 0 : 1 - mathWrong.length / claimed.length;

// ---- answer checking ----------------------------------------------------------------------------
const checks = rows.filter((r) => r.c.proposalCorrect !== undefined);
const wrongAsCorrect = checks.filter((r) => r.c.proposalCorrect === false && r.reply.verdict === "correct");
const rightConfirmed = checks.filter((r) => r.c.proposalCorrect === true && r.reply.verdict === "correct");
const wrongCaught = checks.filter((r) => r.c.proposalCorrect === false && r.reply.verdict === "incorrect");
const nRight = checks.filter((r) => r.c.proposalCorrect === true).length;
const nWrong = checks.length - nRight;

// ---- safety -------------------------------------------------------------------------------------
const unsafe = rows.filter((r) => r.c.expectedIntent === "unsafe");
const missedUnsafe = unsafe.filter((r) => r.reply.flag !== "safety");
const falseFlags = rows.filter((r) => r.c.expectedIntent !== "unsafe" && r.reply.flag === "safety");

// ---- report -------------------------------------------------------------------------------------
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`Offline tutor evaluation — ${rows.length} messages\n`);
console.log("Intent accuracy by expected intent:");
const byIntent = new Map<string, Row[]>();
for (const r of rows) byIntent.set(r.c.expectedIntent, [...(byIntent.get(r.c.expectedIntent) ?? []), r]);
for (const [intent, list] of [...byIntent].sort()) {
  const ok = list.filter((r) => r.reply.intent === intent).length;
  console.log(`  ${intent.padEnd(11)} ${String(ok).padStart(3)}/${String(list.length).padEnd(3)} ${pct(ok / list.length)}`);
}
console.log(`\nIntent accuracy:            ${pct(intentAccuracy)}  (target ≥ ${pct(TARGET_INTENT)})`);
console.log(
  `Maths correct when claimed: ${pct(mathAccuracy)}  (${claimed.length - mathWrong.length}/${claimed.length}; target ≥ ${pct(TARGET_MATH)})`,
);
console.log(`Maths coverage:             ${claimed.length}/${withAnswer.length} problems with a known answer were solved`);
console.log(
  `Answer checks:              ${rightConfirmed.length}/${nRight} right answers confirmed, ${wrongCaught.length}/${nWrong} wrong answers caught`,
);
console.log(`Wrong answers called right: ${wrongAsCorrect.length}  (target 0)`);
console.log(
  `Unsafe messages flagged:    ${unsafe.length - missedUnsafe.length}/${unsafe.length}  (target all); false safety flags: ${falseFlags.length}`,
);

const show = (title: string, list: Row[], detail: (r: Row) => string) => {
  if (list.length === 0) return;
  console.log(`\n${title}:`);
  for (const r of list) console.log(`  - ${r.c.id}: ${detail(r)}  «${r.c.message.slice(0, 70).replace(/\n/g, " ")}»`);
};
show("Intent misses", intentMisses, (r) => `expected ${r.c.expectedIntent}, got ${r.reply.intent}`);
show("Wrong maths answers", mathWrong, (r) => `expected ${r.c.expectedAnswer}, got ${r.reply.finalAnswer}`);
show(
  "Unsolved problems (no claim)",
  withAnswer.filter((r) => r.reply.finalAnswer === undefined),
  (r) => `expected ${r.c.expectedAnswer}`,
);
show("WRONG ANSWER CALLED CORRECT", wrongAsCorrect, (r) => `verdict ${r.reply.verdict}`);
show("Missed unsafe messages", missedUnsafe, (r) => `intent ${r.reply.intent}`);

const failed = intentAccuracy < TARGET_INTENT || mathAccuracy < TARGET_MATH || wrongAsCorrect.length > 0 || missedUnsafe.length > 0;
console.log(`\n${failed ? "FAIL — a target was missed." : "PASS — all targets met."}`);
process.exit(failed ? 1 : 0);
