// Decides what a message is asking for. Rules run from the most to the least specific: safety
// first (always), then anything that continues the conversation, then maths (which can be read
// exactly), then the softer categories that are recognised by their wording.
import type { HistoryTurn } from "@/lib/tutor/types";
import { findConcept } from "./concepts";
import { CONCEPT_QUESTION, isFollowUp, priorTopic, type Prior } from "./context";
import { parseProposal, type Proposal } from "./math/check";
import { normalize } from "./math/normalize";
import { looksLikeMath, readMathProblem } from "./math/parse-problem";
import { ASKS_TO_CHECK, bareAnswer, extractCheck, VERIFY_WORDS, type CheckRequest } from "./math/proposal";
import { isSolution, type MathResult } from "./math/types";
import { detectUnsafe, type SafetyCategory } from "./safety";
import { STUDY_PATTERN, studyTopic, type StudyTopic } from "./study";
import { analyse } from "./writing";
import type { Band } from "./wording";

export type Route =
  | { intent: "unsafe"; category: SafetyCategory }
  | { intent: "greeting" | "off_topic" }
  | { intent: "study"; topic: StudyTopic }
  | { intent: "writing"; text: string | null }
  | { intent: "definition" | "explain"; query: string; simpler: boolean }
  | { intent: "math_solve"; result: MathResult | null; rung: number; calculus?: boolean }
  | { intent: "math_check"; result: MathResult | null; proposal: Proposal; rung: number }
  | { intent: "unknown"; why: "empty" | "no_context" | "unclear" };

const GREETING_WORDS =
  /\b(?:hi+|hello+|hey+|hiya|heya|yo|sup|howdy|greetings|good (?:morning|afternoon|evening|night)|thanks?|thank (?:you|u)|thx|ty|tysm|bye|goodbye|see (?:you|ya)|cya|what'?s up|whats up|wassup|how are (?:you|u)|how r u|nice to meet you|ok(?:ay)?|cool|great|awesome|nice|there|tutor|bot|again|so much|lol|you|u|a lot|all|everyone|guys|morning|mr|ms|miss|sir|for (?:the|your|all the) help|for helping|for everything)\b/;
const ALL_GREETING_WORDS = new RegExp(GREETING_WORDS.source, "g");
const OFF_TOPIC =
  /\b(your (?:fav(?:ou?rite)?|name|age|opinion on (?:the )?(?:game|movie|song))|are (?:you|u) (?:a )?(?:real|human|robot|an? ai|a bot|alive|single|smart)|who (?:made|created|built) (?:you|u)|tell me a joke|a joke|jokes?|fortnite|minecraft|roblox|tiktok|youtube|instagram|snapchat|netflix|anime|video games?|play(?:ing)? (?:a )?games?|football|soccer|basketball|nba|nfl|super bowl|world cup|taylor swift|celebrit(?:y|ies)|crush|girlfriend|boyfriend|date me|dating|what should i eat|i'?m bored|im bored|so bored|what time is it|sing (?:me )?a song|best (?:movie|song|game|rapper|phone)|do (?:you|u) (?:like|love|have)|can we be friends|be my friend|lmao|skibidi|rizz|(?:so|this is|that'?s|is) boring)\b/;
const WRITING_ASK =
  /\b(help|check|look (?:at|over)|read|feedback|improve|review|grade|mark|proofread|edit|fix|write|writing|start|begin|end|structure|plan|organi[sz]e|outline)\b.*\b(essays?|paragraphs?|story|stories|poem|report|thesis|introduction|intro|conclusion|draft|writing|narrative|letter|speech|topic sentences?)\b|\b(essays?|paragraphs?|story|poem|draft|writing)\b.*\b(feedback|good|ok|okay|better|improve|check|grade|mark)\b/;
const EXPLAIN =
  /\bexplain\b|^how (?:does|do|did|is|are|can|come)\b|^why\b|\bwhat causes\b|\bwhat happens (?:when|if|to|during)\b|\bdifference between\b|\btell me about\b|\bhelp me understand\b|\bteach me\b|\bhow to\b|\bcan you (?:teach|show)\b|\bhow (?:does|do) .+ work\b/;
const DEFINITION =
  /^(?:(?:can you |could you |pls |please )?(?:tell me )?)?(?:what|wat|wht|whats|what's|who)\s+(?:is|are|was|were|r|does|do|s)\b|^how (?:many|much|big|far|long|old|tall) (?!.*\d)|\bdefine\b|\bdefinition\b|\bmeaning of\b|\bwhat does .+ mean\b|\bwhat (?:is|are) (?:a|an|the)\b/;
const CALCULUS = /\b(derivatives?|differentiate|integrals?|integrate|limit of|d\/dx)\b/;
const ADVICE =
  /\b(how|tips?|help|advice|should i|best way|what can i|strateg\w*|i have (?:a|an|my)|i can'?t|i cant|struggl\w*|need to|ways? to|get better|keep|always|never)\b/;

export function classify(message: string, history: HistoryTurn[], band: Band): Route {
  const text = message.trim();
  if (text === "") return { intent: "unknown", why: "empty" };
  const category = detectUnsafe(text);
  if (category) return { intent: "unsafe", category };

  const s = normalize(text);
  const prior = priorTopic(history, band);
  const check = extractCheck(text);
  // An answer ("my answer is 20") or a request to check one is not a request for another hint.
  if (!check && !ASKS_TO_CHECK.test(s) && !bareAnswer(text) && isFollowUp(text)) {
    if (prior?.kind === "math") return { intent: "math_solve", result: prior.result, rung: prior.rung + 1 };
    if (prior?.kind === "concept") return { intent: "explain", query: prior.query, simpler: true };
    if (prior?.kind === "safety") return { intent: "unsafe", category: prior.category };
    if (!GREETING_WORDS.test(s)) return { intent: "unknown", why: "no_context" };
  }

  let cached: MathResult | null | undefined;
  const problemHere = () => (cached === undefined ? (cached = readMathProblem(text, band)) : cached);
  const checked = checkRoute(text, check, prior, problemHere, band);
  if (checked) return checked;

  // Pasted writing: asked for, or long prose. A long word problem ("...how many are left?") gets
  // its chance as maths first.
  const words = analyse(text);
  const writingAsk = WRITING_ASK.test(s);
  const prose = words.words >= 60 && words.sentences.length >= 3;
  const wordProblem = /\d/.test(s) && /(how (?:many|much|far|long)|find|calculate|what is|solve|work out)/.test(s);
  if ((writingAsk && words.words >= 25) || (prose && !wordProblem)) return { intent: "writing", text: stripRequest(text) };

  const result = problemHere();
  if (prose) return result ? { intent: "math_solve", result, rung: 1 } : { intent: "writing", text: stripRequest(text) };
  if (result) {
    // The same problem sent again means "more help with this one", so the ladder moves on.
    const same = prior?.kind === "math" && isSolution(prior.result) && isSolution(result) && prior.result.problem === result.problem;
    return { intent: "math_solve", result, rung: same ? (prior as Extract<Prior, { kind: "math" }>).rung + 1 : 1 };
  }
  if (isGreeting(s)) return { intent: "greeting" };
  if (STUDY_PATTERN.test(s) && ADVICE.test(s)) return { intent: "study", topic: studyTopic(s) };
  if (writingAsk) return { intent: "writing", text: null };
  if (OFF_TOPIC.test(s)) return { intent: "off_topic" };
  if (looksLikeMath(text)) return { intent: "math_solve", result: null, rung: 1, calculus: CALCULUS.test(s) };
  if (EXPLAIN.test(s)) return { intent: "explain", query: text, simpler: false };
  // "I need help with fractions": a request to explain, when the topic is one we know.
  if (/\bhelp (?:me )?(?:with|on|understand(?:ing)?)\b/.test(s) && findConcept(text))
    return { intent: "explain", query: text, simpler: false };
  if (DEFINITION.test(s) || CONCEPT_QUESTION.test(s)) return { intent: "definition", query: text, simpler: false };
  // A bare topic ("photosynthesis", "fractions?") is a request to explain it — if we know the topic.
  if (s.split(/\s+/).length <= 4 && /^[a-z' -]+\??$/.test(s) && findConcept(conceptQuery(text)))
    return { intent: "definition", query: text, simpler: false };
  return { intent: "unknown", why: "unclear" };
}

/** Answer checking: a proposed answer plus a problem in the same message or earlier in the chat. */
function checkRoute(
  text: string,
  check: CheckRequest | null,
  prior: Prior,
  problemHere: () => MathResult | null,
  band: Band,
): Route | null {
  const priorMath = prior?.kind === "math" ? prior : null;
  if (check) {
    const here = check.rest.trim() ? readMathProblem(check.rest, band) : null;
    if (here) return { intent: "math_check", result: here, proposal: check.proposal, rung: 0 };
    const whole = problemHere();
    if (priorMath && !whole) return { intent: "math_check", result: priorMath.result, proposal: check.proposal, rung: priorMath.rung };
    if (VERIFY_WORDS.test(normalize(text)) && !whole) return { intent: "math_check", result: null, proposal: check.proposal, rung: 0 };
    return null;
  }
  const bare = bareAnswer(text);
  if (bare && priorMath) return { intent: "math_check", result: priorMath.result, proposal: bare, rung: priorMath.rung };
  // "is my answer right?" with nothing to check: still a check request — the reply asks for the answer.
  if (ASKS_TO_CHECK.test(normalize(text)) && !problemHere())
    return { intent: "math_check", result: priorMath?.result ?? null, proposal: parseProposal(""), rung: priorMath?.rung ?? 0 };
  return null;
}

function isGreeting(s: string): boolean {
  const rest = s
    .replace(ALL_GREETING_WORDS, " ")
    .replace(/[^a-z]+/g, " ")
    .trim();
  return rest === "" && s.replace(/[^a-z]/g, "") !== "";
}

/** "Can you check my essay:\n<essay>" or "is my paragraph good? <paragraph>" → just the writing. */
function stripRequest(text: string): string {
  const m = text.match(/^[^\n:?]{0,120}?\b(?:essay|paragraph|story|writing|draft|poem|report|this)\b[^\n:?]{0,40}[:?\n]\s*/i);
  return m ? text.slice(m[0].length) : text;
}

/** The topic inside a question: "can you explain what photosynthesis is?" → "photosynthesis". */
export function conceptQuery(message: string): string {
  return message
    .toLowerCase()
    .replace(/[?!.]+/g, " ")
    .replace(/^\s*(?:hi|hey|hello|ok|okay|so|um+|pls|please|and)\b[\s,]*/g, "")
    .replace(/^\s*(?:what|how) about\s+/, " ")
    .replace(
      /\b(?:can|could|would) (?:you|u) (?:please |pls )?(?:explain|tell me|describe|teach me|help me understand)(?: about| what| how)?\b/g,
      " ",
    )
    .replace(/^\s*(?:what|wat|wht|who|whats|what's|how)\s+(?:is|are|was|were|r|does|do|did|s)\s+(?:a |an |the )?/, " ")
    .replace(
      /\b(?:explain|define|definition of|meaning of|tell me about|describe|help me understand|teach me|i don'?t get|i dont get|i don'?t understand)\b/g,
      " ",
    )
    .replace(/\b(?:mean|means|work|works|happen|please|pls|again|to me|for me|simply|in simple terms|is|are)\s*$/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
