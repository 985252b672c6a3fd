// Deterministic tutoring-style answers. The same request content always yields the same text, and
// a smaller max_tokens yields a prefix of it, so tests and benchmarks are reproducible.

/** The simulator's tokenizer: a token is 4 characters, roughly what English text averages. */
export const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** FNV-1a, 32-bit. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for picking sentences. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = [
  "Good question about {t}!",
  "Let's think about {t} together.",
  "You're on the right track with {t}.",
  "Nice work getting this far with {t}.",
  "{T} can feel tricky at first, so let's slow down.",
  "Great that you asked about {t}.",
];

const BODY = [
  "Start by writing down what you already know and what the question is really asking.",
  "A useful first step is to look for the key idea behind {t}.",
  "Notice how each step follows from the one before it.",
  "Try breaking the problem into two smaller parts and solve the easier one first.",
  "If we rewrite it in a simpler form, the pattern becomes much easier to see.",
  "Check your units and make sure every quantity means what you think it means.",
  "Think about a similar example you have solved before and compare the two.",
  "Remember that {t} is about relationships, not just memorising a rule.",
  "Drawing a quick sketch often makes the structure of {t} clearer.",
  "Be careful here: a common mistake is to skip this step and lose a sign.",
  "Once that part is done, substitute your result back in to check it.",
  "Ask yourself why this method works, not only how to apply it.",
  "Let's test the idea with a small, friendly number first.",
  "This is the same reasoning you would use for {t} in general.",
  "Write each step on its own line so you can spot where things change.",
];

const CLOSERS = [
  "What do you think the next step should be?",
  "Can you try the last step yourself and tell me what you get?",
  "Does that make sense, or should we look at another example of {t}?",
  "How would you explain {t} to a friend in one sentence?",
  "Give it a go and show me your working.",
];

// Question scaffolding, so the topic is "quadratic equations" rather than "explain solve".
const STOPWORDS = new Set(
  "about there which would could should these those their where because please explain solve understand calculate figure works really still help tell write".split(" "),
);

function topicOf(prompt: string): string {
  const words = prompt.toLowerCase().match(/[\p{L}\p{N}]{5,}/gu) ?? [];
  const picked = words.filter((w) => !STOPWORDS.has(w)).slice(0, 2);
  return picked.length > 0 ? picked.join(" ") : "this problem";
}

export interface Answer {
  text: string;
  outputTokens: number;
  stopReason: "end_turn" | "max_tokens";
}

/** Log-normal length around `meanTokens` (answers are skewed: mostly short, a few long). */
function targetLength(rand: () => number, meanTokens: number): number {
  const sigma = 0.5;
  const mu = Math.log(meanTokens) - (sigma * sigma) / 2;
  const normal = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.max(12, Math.round(Math.exp(mu + sigma * normal)));
}

export function generateAnswer(opts: { seed: number; prompt: string; maxTokens: number; meanTokens: number }): Answer {
  const rand = seededRandom(opts.seed);
  const pick = (list: string[]) => list[Math.floor(rand() * list.length)];
  const topic = topicOf(opts.prompt);
  const fill = (s: string) => s.replaceAll("{t}", topic).replaceAll("{T}", topic[0].toUpperCase() + topic.slice(1));

  const targetChars = targetLength(rand, opts.meanTokens) * CHARS_PER_TOKEN;
  const closer = fill(pick(CLOSERS));
  let text = fill(pick(OPENERS));
  let step = 1;
  while (text.length + closer.length < targetChars) {
    const sentence = fill(pick(BODY));
    const r = rand();
    if (r < 0.2) text += `\n\n${step++}. ${sentence}`;
    else if (r < 0.3) text += `\n\n${sentence}`;
    else text += ` ${sentence}`;
  }
  text += `\n\n${closer}`;

  const maxChars = opts.maxTokens * CHARS_PER_TOKEN;
  if (text.length > maxChars) return { text: text.slice(0, maxChars), outputTokens: opts.maxTokens, stopReason: "max_tokens" };
  return { text, outputTokens: estimateTokens(text), stopReason: "end_turn" };
}
