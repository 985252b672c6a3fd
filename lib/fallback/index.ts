// The offline tutor ("practice mode"): a rule-based tutor used when Claude can't be. Pure and
// synchronous — the hot path calls offlineTutor / streamOfflineTutor and nothing else.
import { reasonText } from "@/lib/tutor/reasons";
import type { Reason } from "@/lib/tutor/types";
import { explainConcept, findConcept, type Subject } from "./concepts";
import { classify, conceptQuery, type Route } from "./intent";
import { cantHelp, GENERAL_TIPS, MATH_TIPS, type BackContext } from "./limits";
import { checkAnswer } from "./math/check";
import { renderRung, type Rung } from "./math/hints";
import { isSolution } from "./math/types";
import { safetyReply } from "./safety";
import { studyAdvice } from "./study";
import type { OfflineTutorInput, OfflineTutorReply } from "./types";
import { bandFor, byBand, type Band } from "./wording";
import { analyse, writingFeedback, writingGuidance } from "./writing";

export type { Intent, OfflineTutorInput, OfflineTutorReply } from "./types";

export function offlineTutor(input: OfflineTutorInput): OfflineTutorReply {
  const band = bandFor(input.gradeLevel);
  const ctx: BackContext = { reason: input.reason, resetAt: input.resetAt, loadLevel: input.loadLevel };
  // This is the path used when everything else has failed, so it must not fail itself. Safety is
  // decided first inside classify, so an error later on can't skip it.
  const route: Route = guard(
    () =>
      input.reason === "safety" ? { intent: "unsafe", category: "general" } : classify(input.message ?? "", input.history ?? [], band),
    { intent: "unknown", why: "unclear" },
  );
  if (route.intent === "unsafe") return { text: safetyReply(route.category, band, input.helpResources), intent: "unsafe", flag: "safety" };
  const reply = guard(() => respond(route, input, band, ctx), {
    intent: "unknown",
    flag: null,
    text: cantHelp("Something went wrong while I read that message.", GENERAL_TIPS, ctx),
  });
  return { ...reply, text: `${reasonLine(input.reason)}\n\n${reply.text}` };
}

function guard<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch (err) {
    console.error("[offline-tutor] failed to answer; sending the can't-help reply", err);
    return fallback;
  }
}

/** The reply plus its text in chunks of a few words, for the SSE stream. No artificial delay. */
export function streamOfflineTutor(input: OfflineTutorInput): { reply: OfflineTutorReply; chunks: AsyncIterable<string> } {
  const reply = offlineTutor(input);
  const pieces = chunk(reply.text, 4);
  return {
    reply,
    chunks: {
      async *[Symbol.asyncIterator]() {
        for (const p of pieces) yield p;
      },
    },
  };
}

/** Splits text into runs of `size` words, keeping every character so the chunks join back exactly. */
function chunk(text: string, size: number): string[] {
  const tokens = text.match(/\s*\S+/g) ?? [];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += size) out.push(tokens.slice(i, i + size).join(""));
  const tail = text.match(/\s+$/)?.[0];
  if (tail && out.length > 0) out[out.length - 1] += tail;
  return out;
}

function reasonLine(reason: Reason): string {
  // "normal" and "cached_answer" describe non-practice modes; their sentences would mislead here.
  return reason === "normal" || reason === "cached_answer" ? "_You're in practice mode right now._" : `_${reasonText(reason)}_`;
}

function respond(route: Exclude<Route, { intent: "unsafe" }>, input: OfflineTutorInput, band: Band, ctx: BackContext): OfflineTutorReply {
  switch (route.intent) {
    case "math_solve":
      return mathSolve(route, band, ctx);
    case "math_check":
      return mathCheck(route, band);
    case "definition":
    case "explain":
      return concept(route, input, band, ctx);
    case "writing":
      return { intent: "writing", flag: null, text: writing(route.text, input.message, band) };
    case "study":
      return { intent: "study", flag: null, text: studyAdvice(route.topic, band) };
    case "greeting":
      return { intent: "greeting", flag: null, text: greeting(input.message, band) };
    case "off_topic":
      return { intent: "off_topic", flag: null, text: offTopic(band) };
    case "unknown":
      return { intent: "unknown", flag: null, text: unknown(route.why, ctx) };
  }
}

function mathSolve(route: Extract<Route, { intent: "math_solve" }>, band: Band, ctx: BackContext): OfflineTutorReply {
  const r = route.result;
  if (!r) {
    const what = route.calculus
      ? "Calculus (derivatives, integrals, limits) is beyond what practice mode can do reliably, so I won't guess."
      : "I can tell this is maths, but I couldn't read the problem well enough to work on it safely.";
    return { intent: "math_solve", flag: null, text: cantHelp(what, MATH_TIPS, ctx) };
  }
  if (!isSolution(r)) return { intent: "math_solve", flag: null, text: cantHelp(r.unsupported, MATH_TIPS, ctx) };
  const rung = Math.min(Math.max(route.rung, 1), 3) as Rung;
  return { intent: "math_solve", flag: null, text: renderRung(r, rung, band, route.rung > 3), finalAnswer: r.finalAnswer };
}

function mathCheck(route: Extract<Route, { intent: "math_check" }>, band: Band): OfflineTutorReply {
  const r = route.result;
  if (!r) {
    return {
      intent: "math_check",
      flag: null,
      verdict: "unsure",
      text: "I'd love to check your answer, but I can't see which problem it's for. Send the problem and your answer together, like: `2x + 3 = 11 — I got x = 4`.",
    };
  }
  if (!isSolution(r))
    return {
      intent: "math_check",
      flag: null,
      verdict: "unsure",
      text: `I can't check this one reliably in practice mode. ${r.unsupported}`,
    };
  const result = checkAnswer(r, route.proposal);
  const base = { intent: "math_check" as const, flag: null, verdict: result.verdict, finalAnswer: r.finalAnswer };
  if (result.verdict === "correct") {
    const praise = byBand(band, { elementary: "Great job! 🎉", high: "Nice work." });
    return { ...base, text: `✅ ${result.message}\n\n${praise} Want to try another? Send me the next problem.` };
  }
  if (result.verdict === "unsure") return { ...base, text: `🤔 ${result.message}` };
  // Wrong: never show the answer straight away — move one rung up the ladder instead.
  const next = Math.min(route.rung + 1, 3) as Rung;
  const help = r.direct ? "Have another go — work it out again carefully, or ask me to show you." : renderRung(r, next, band);
  return { ...base, text: `❌ ${result.message}\n\n${help}` };
}

function concept(
  route: Extract<Route, { intent: "definition" | "explain" }>,
  input: OfflineTutorInput,
  band: Band,
  ctx: BackContext,
): OfflineTutorReply {
  // findConcept strips question wording itself; the cleaned query is only for naming the topic.
  const query = conceptQuery(route.query);
  const found = query ? findConcept(route.query, { subject: subjectOf(input.subject) }) : null;
  if (!found) {
    const topic = query ? `"${query}"` : "that";
    return {
      intent: route.intent,
      flag: null,
      text: cantHelp(
        `I don't have notes on ${topic} in practice mode, so I can't explain it well right now.`,
        [
          'Try just the key word, e.g. "photosynthesis" or "fractions".',
          "Check the spelling of the topic.",
          "Look it up in your textbook's glossary — then ask me to explain any part that's confusing.",
        ],
        ctx,
      ),
    };
  }
  // "I don't get it" after an explanation: explain again a grade band lower.
  const level = route.simpler ? simplerGrade(input.gradeLevel) : input.gradeLevel;
  const intro = route.simpler ? "Let's try that a simpler way.\n\n" : "";
  return {
    intent: route.intent,
    flag: null,
    text: `${intro}${explainConcept(found.concept, level)}\n\n_${byBand(band, { elementary: "Does that make sense? Ask me about any word you don't know.", high: 'Ask a follow-up question, or say "I don\'t get it" for a simpler explanation.' })}_`,
  };
}

/** The class subject as a knowledge-base subject, to break ties ("volume" in maths vs science). */
function subjectOf(subject: string | null | undefined): Subject | null {
  const s = (subject ?? "").toLowerCase();
  if (/\b(maths?|algebra|geometry|calculus|statistics)\b/.test(s)) return "math";
  if (/\b(science|biology|chemistry|physics|earth science)\b/.test(s)) return "science";
  if (/\b(english|ela|reading|writing|literature|language arts)\b/.test(s)) return "english";
  if (/\b(social studies|social_studies|history|geography|civics|government|economics)\b/.test(s)) return "social_studies";
  return null;
}

function simplerGrade(gradeLevel: number | null): number {
  if (gradeLevel === null) return 4;
  return Math.max(0, gradeLevel <= 5 ? gradeLevel : gradeLevel <= 8 ? 4 : 7);
}

function writing(text: string | null, message: string, band: Band): string {
  if (text === null) return writingGuidance(message, band);
  if (analyse(text).words < 25)
    return `That's a short piece — paste at least a few sentences and I'll give you structure feedback.\n\n${writingGuidance(message, band)}`;
  return writingFeedback(text, band);
}

function greeting(message: string, band: Band): string {
  const s = message.toLowerCase();
  if (/\b(thanks?|thank (?:you|u)|thx|ty|tysm)\b/.test(s))
    return "You're welcome! Send me another problem or question whenever you're ready.";
  if (/\b(bye|goodbye|see (?:you|ya)|cya|good night)\b/.test(s)) return "Bye for now — good luck with your work!";
  const can = byBand(band, {
    elementary:
      "- help with maths problems, one step at a time\n- check your answers\n- explain words and ideas from maths, science, English and social studies\n- give tips on your writing",
    high: "- work through maths problems with hints and worked solutions (equations, fractions, percentages, geometry, statistics…)\n- check your answers\n- explain concepts in maths, science, English and social studies\n- give automated structure feedback on writing you paste\n- suggest study strategies",
  });
  return `Hi! 👋 I'm the practice-mode tutor. I can:\n${can}\n\nWhat are you working on?`;
}

function offTopic(band: Band): string {
  return byBand(band, {
    elementary:
      "That's a fun question! But I'm a homework helper, so I stick to schoolwork. Do you have a maths problem or something from class you'd like help with?",
    high: "Fair question — but I'm here for schoolwork only. If you have a problem to solve, a concept to understand, or writing to improve, send it over.",
  });
}

function unknown(why: "empty" | "no_context" | "unclear", ctx: BackContext): string {
  if (why === "empty") return "Your message looks empty — type your question and I'll help.";
  if (why === "no_context")
    return cantHelp(
      "I'm not sure which problem or topic you mean — I can't see an earlier question to continue from.",
      ["Send the problem or question again, together with what you're stuck on."],
      ctx,
    );
  return cantHelp("I'm not sure how to help with that in practice mode.", GENERAL_TIPS, ctx);
}
