// Structural feedback on pasted writing: paragraphs, the opening, topic sentences, sentence length
// and variety, repeated words, transitions. It is a checklist, never a grade — without a model we
// can't judge ideas, so we only point at things a student can look at again.
import { byBand, type Band } from "./wording";

const words = new Intl.Segmenter("en", { granularity: "word" });
const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

const TRANSITIONS =
  /\b(however|therefore|for example|for instance|in addition|additionally|furthermore|moreover|first(?:ly)?|second(?:ly)?|next|then|finally|in conclusion|to sum up|as a result|because|although|on the other hand|meanwhile|consequently|similarly|in contrast|also|since|overall|after that|another)\b/gi;
const STOP = new Set(
  "the a an and or but so of to in on at for with from by as is are was were be been being it its this that these those there their they them he she his her we our you your i me my mine not no do does did have has had will would can could should just very really than then also too about into over more most some any all one".split(
    " ",
  ),
);

export interface WritingStats {
  words: number;
  sentences: string[];
  paragraphs: string[];
}

export function analyse(text: string): WritingStats {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return { words: wordList(text).length, sentences: splitSentences(text), paragraphs };
}

function splitSentences(text: string): string[] {
  // The segmenter only starts a sentence at a capital letter; students often don't use one.
  return [...sentences.segment(text.replace(/\s*\n+\s*/g, " "))]
    .flatMap((s) => s.segment.split(/(?<=[.!?])\s+(?=[a-z])/))
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

function wordList(text: string): string[] {
  return [...words.segment(text)].filter((w) => w.isWordLike).map((w) => w.segment);
}

/** Feedback for a pasted piece of writing. */
export function writingFeedback(text: string, band: Band): string {
  const stats = analyse(text);
  const paragraphSentences = stats.paragraphs.map((p) => splitSentences(p));
  const lengths = stats.sentences.map((s) => wordList(s).length);
  const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  const good: string[] = [];
  const look: string[] = [];

  // Paragraphing
  if (stats.paragraphs.length === 1 && stats.words > 150)
    look.push(
      `**Paragraphs** — it's all one block of ${stats.words} words. Try starting a new paragraph each time you move to a new idea.`,
    );
  else if (stats.paragraphs.length >= 3) good.push(`You've organised it into ${stats.paragraphs.length} paragraphs.`);
  const thin = paragraphSentences.filter((list) => list.length === 1).length;
  if (stats.paragraphs.length >= 3 && thin >= 2)
    look.push(`**Developing paragraphs** — ${thin} paragraphs are a single sentence. Can you add an example or explanation to each?`);

  // Opening / thesis
  const first = stats.sentences[0] ?? "";
  if (first.endsWith("?"))
    look.push(
      `**Opening** — you start with a question ("${clip(first)}"). That can hook the reader; make sure your next sentence gives your main point.`,
    );
  else if (
    !/\b(should|must|because|believe|think|argue|important|best|worst|need|shows?|prove|reasons?|benefits?|why|how)\b/i.test(first)
  ) {
    look.push(
      `**Opening** — your first sentence is "${clip(first)}". ${byBand(band, { elementary: "Does it tell the reader what your writing is about?", high: "Does it make your main claim (a thesis) clear, or could it be sharper?" })}`,
    );
  } else good.push("Your opening sentence points the reader towards your main idea.");

  // Topic sentences of the body paragraphs
  if (stats.paragraphs.length >= 2) {
    const starts = paragraphSentences
      .slice(1)
      .map((list) => list[0] ?? "")
      .filter(Boolean);
    look.push(
      `**Topic sentences** — each paragraph should open by saying what it's about. Yours start: ${starts
        .slice(0, 3)
        .map((s) => `"${clip(s, 60)}"`)
        .join("; ")}. Do they?`,
    );
  }

  // Sentence length and variety
  const long = stats.sentences.filter((s) => wordList(s).length > 30);
  if (long.length > 0)
    look.push(
      `**Long sentences** — ${long.length} sentence${long.length > 1 ? "s are" : " is"} over 30 words, e.g. "${clip(long[0])}". Could ${long.length > 1 ? "they" : "it"} be split in two?`,
    );
  const short = lengths.filter((n) => n < 6).length;
  if (lengths.length >= 5 && short / lengths.length > 0.5)
    look.push("**Choppy sentences** — most sentences are very short. Try joining some with words like *because*, *although* or *which*.");
  if (lengths.length >= 5 && spread(lengths) < 3 && long.length === 0)
    look.push(
      `**Sentence variety** — most sentences are about ${Math.round(avg)} words long. Mixing short and long sentences makes writing flow better.`,
    );
  else if (lengths.length >= 5 && spread(lengths) >= 3) good.push("You mix shorter and longer sentences.");

  const opener = repeatedOpener(stats.sentences);
  if (opener) look.push(`**Sentence starts** — ${opener.count} sentences begin with "${opener.word}". Try starting some differently.`);

  const repeats = repeatedWords(text, stats.words);
  if (repeats.length > 0)
    look.push(
      `**Repeated words** — ${repeats.map(([w, n]) => `"${w}" (${n}×)`).join(", ")}. Could you use a synonym or a pronoun somewhere?`,
    );

  const transitions = text.match(TRANSITIONS)?.length ?? 0;
  if (transitions === 0 && stats.sentences.length >= 4)
    look.push(
      "**Transitions** — there are no linking words yet. Words like *first*, *for example*, *however* and *as a result* guide the reader from idea to idea.",
    );
  else if (transitions >= 2) good.push("You use linking words to connect ideas.");

  if (/(^|[.!?]\s+|\s)i(\s|')/.test(text)) look.push('**Capital "I"** — when you write about yourself, "I" is always a capital letter.');
  const lowerStarts = stats.sentences.filter((s) => /^[a-z]/.test(s)).length;
  if (lowerStarts > 0)
    look.push(`**Capital letters** — ${lowerStarts} sentence${lowerStarts > 1 ? "s start" : " starts"} with a small letter.`);

  return [
    "**Automated writing feedback** — a checklist from practice mode, not a grade. Your teacher's judgement is what counts.",
    `**At a glance:** ${stats.words} words · ${stats.sentences.length} sentences · ${stats.paragraphs.length} paragraph${stats.paragraphs.length === 1 ? "" : "s"} · about ${Math.round(avg)} words per sentence`,
    good.length > 0 ? `**What's working**\n${good.map((g) => `- ${g}`).join("\n")}` : "",
    look.length > 0
      ? `**Things to look at**\n${look
          .slice(0, 6)
          .map((l, i) => `${i + 1}. ${l}`)
          .join("\n")}`
      : "**Things to look at** — nothing structural stood out. Read it aloud: anywhere you stumble is worth a second look.",
    "**Next step:** pick one item, revise, and paste your new version — I'll run the checklist again.",
  ]
    .filter(Boolean)
    .join("\n\n");
}

function clip(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max).trimEnd()}…` : s;
}

function spread(ns: number[]): number {
  const mean = ns.reduce((a, b) => a + b, 0) / ns.length;
  return Math.sqrt(ns.reduce((a, n) => a + (n - mean) ** 2, 0) / ns.length);
}

function repeatedOpener(list: string[]): { word: string; count: number } | null {
  const counts = new Map<string, { word: string; count: number }>();
  for (const s of list) {
    const w = wordList(s)[0];
    if (!w) continue;
    const key = w.toLowerCase();
    counts.set(key, { word: counts.get(key)?.word ?? w, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  const top = [...counts.values()].sort((a, b) => b.count - a.count)[0];
  return top && top.count >= 3 && top.count / list.length >= 0.3 ? { word: top.word === "i" ? "I" : top.word, count: top.count } : null;
}

function repeatedWords(text: string, total: number): [string, number][] {
  const counts = new Map<string, number>();
  for (const w of wordList(text.toLowerCase())) if (w.length >= 4 && !STOP.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const threshold = Math.max(3, Math.ceil(total * 0.02));
  return [...counts]
    .filter(([, n]) => n >= threshold)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
}

/** Help with writing when there's no text to look at yet: planning, not writing it for them. */
export function writingGuidance(message: string, band: Band): string {
  const s = message.toLowerCase();
  const forMe = /\b(write|do|make)\b.*\b(for me|my essay|me an? (essay|story|paragraph|poem))\b/.test(s);
  const intro = forMe
    ? "I can't write it for you — but I can help you plan it so the writing goes quickly."
    : "Here's a plan that works for most school writing.";
  const topic = /thesis/.test(s)
    ? 'A **thesis** is one sentence that states your main claim and hints at your reasons: *"Schools should start later because students sleep better, learn more and are safer on the roads."*'
    : /conclusion/.test(s)
      ? "A **conclusion** restates your main point in new words, sums up your key reasons, and ends with a final thought — a why-it-matters or a call to action. Don't add brand-new evidence there."
      : /intro|introduction|start|begin|hook/.test(s)
        ? "An **introduction** opens with a hook (a question, fact or short story), gives a little background, and ends with your main point (thesis)."
        : "";
  const plan = byBand(band, {
    elementary:
      "1. Say your big idea in one sentence.\n2. Think of 3 reasons or details.\n3. Write a sentence or two about each one.\n4. End by saying your big idea again in a new way.",
    high: "1. Write your thesis: one sentence with your claim and reasons.\n2. Plan one body paragraph per reason: topic sentence → evidence → explanation of how it supports the thesis.\n3. Add transitions between paragraphs.\n4. Conclude by restating the thesis in new words and saying why it matters.",
  });
  return [
    intro,
    topic,
    `**A simple plan**\n${plan}`,
    "When you have a draft — even a rough paragraph — paste it here and I'll give you automated structure feedback (not a grade).",
  ]
    .filter(Boolean)
    .join("\n\n");
}
