// What a class is asking about, from the words of its questions: keywords counted once per question
// (stop words and tutoring filler dropped, plurals folded) and questions normalised so that
// "Solve 2x + 3 = 11" and "solve 5x+1=6?" count as one. Pure, so it is unit-tested without a database.

const STOP_WORDS = new Set(
  `a about above after again all also am an and any are aren't as at be because been before being below between both but by can
  can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had has have having he her
  here hers herself him himself his how i i'm if in into is isn't it it's its itself just let's me more most my myself no nor not now
  of off on once only or other our ours ourselves out over own same she should so some such than that that's the their theirs them
  themselves then there there's these they this those through to too under until up very was we were what what's when where which
  while who whom why will with would you your yours yourself yourselves
  answer answers ask asking can could explain explaining get give go going got help helps know like make mean means need please
  question questions really say show still tell thank thanks thing things think understand use want way what's work works yes okay ok
  hi hello hey`.split(/\s+/).filter(Boolean),
);

export interface TermCount {
  term: string;
  count: number;
}

export interface QuestionCount {
  /** The normalised question (numbers as #). */
  text: string;
  /** The most recent question asked in these words, as the student wrote it. */
  example: string;
  count: number;
}

/** A plural folded to its singular, conservatively: "fractions" → "fraction", "glass" stays. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith("es") && /(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

export function keywords(text: string): string[] {
  const words = text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const out = new Set<string>();
  for (const raw of words) {
    const w = raw.replace(/[’]/g, "'").replace(/^'+|'+$/g, "");
    if (w.length < 3 || STOP_WORDS.has(w)) continue;
    out.add(stem(w));
  }
  return [...out];
}

export function normaliseQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+(?:[.,]\d+)?/g, "#")
    .replace(/\s*([+\-*/=^()])\s*/g, " $1 ")
    .replace(/[^\p{L}\p{N}#+\-*/=^() ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 160);
}

/** Newest first in, so each question's example is the latest wording. */
export function summariseQuestions(messages: string[], limit = 10): { topics: TermCount[]; questions: QuestionCount[] } {
  const terms = new Map<string, number>();
  const questions = new Map<string, QuestionCount>();
  for (const m of messages) {
    for (const k of keywords(m)) terms.set(k, (terms.get(k) ?? 0) + 1);
    const text = normaliseQuestion(m);
    if (!text) continue;
    const q = questions.get(text);
    if (q) q.count++;
    else questions.set(text, { text, example: m.trim().slice(0, 200), count: 1 });
  }
  const byCount = <T extends { count: number }>(a: T, b: T, ka: string, kb: string) => b.count - a.count || ka.localeCompare(kb);
  return {
    topics: [...terms].map(([term, count]) => ({ term, count })).sort((a, b) => byCount(a, b, a.term, b.term)).slice(0, limit),
    // A question asked once is not a pattern.
    questions: [...questions.values()].filter((q) => q.count > 1).sort((a, b) => byCount(a, b, a.text, b.text)).slice(0, limit),
  };
}
