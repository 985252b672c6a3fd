// Knowledge base for the offline ("practice mode") tutor: ~270 curriculum concepts, each explained
// for three grade bands, and a lookup that turns a student's messy question into one concept.
//
// Lookup runs in tiers so the common case stays far below a millisecond:
//   1. exact alias match on the question with its scaffolding ("what's", "explain … pls") removed;
//   2. a term index: every word of the question is matched to knowledge-base vocabulary (typos
//      repaired through a deletion-neighbourhood index) and concepts are scored by how much of
//      the question their aliases and keywords account for;
//   3. Fuse.js, only for words too misspelled for tier 2. A Fuse scan of the whole vocabulary costs
//      ~5 ms, so the vocabulary is split into small Fuse indexes keyed by a word's first two and
//      last two letters; a lookup searches two of them. Students garble the middle of a word far
//      more often than both of its ends.
// Anything that scores below MIN_SCORE is reported as "not in the knowledge base" (null), because
// explaining the wrong concept confidently is worse for a student than admitting we don't know.
import Fuse from "fuse.js";
import { z } from "zod";
import englishData from "./concepts/english.json";
import mathData from "./concepts/math.json";
import scienceData from "./concepts/science.json";
import socialStudiesData from "./concepts/social-studies.json";

export type Subject = "math" | "science" | "english" | "social_studies";

export interface Concept {
  id: string;
  title: string;
  subject: Subject;
  aliases: string[];
  keywords: string[];
  explanations: { elementary: string; middle: string; high: string };
  example: string;
}

type Band = keyof Concept["explanations"];

// ---------------------------------------------------------------------------------------------
// Validation

const SUBJECTS = ["math", "science", "english", "social_studies"] as const satisfies readonly Subject[];

// Explanations are rendered with remark-math, where a lone "$" opens inline maths; currency must be
// written in words or the rest of the paragraph turns into garbled LaTeX.
const balancedDollars = (s: string) => (s.match(/(?<!\\)\$/g)?.length ?? 0) % 2 === 0;
const prose = z.string().trim().min(20).refine(balancedDollars, "unbalanced $ (write money in words; $…$ is maths)");
const phrase = z.string().trim().min(1);

const ConceptSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "id must be lowercase kebab-case"),
  title: phrase,
  subject: z.enum(SUBJECTS),
  aliases: z.array(phrase).min(1),
  keywords: z.array(phrase),
  explanations: z.strictObject({ elementary: prose, middle: prose, high: prose }),
  example: prose,
});

/**
 * Validates knowledge-base files (file name → parsed JSON) and returns their concepts in order.
 * Throws an error naming the file, entry and field at fault. Besides the schema it rejects
 * duplicate ids and aliases that would make a concept unreachable: an alias that normalises to
 * nothing, or one shared by two concepts of the same subject (across subjects, the caller's
 * subject hint decides).
 */
export function parseKnowledgeBase(files: Record<string, unknown>): Concept[] {
  const concepts: Concept[] = [];
  const origin = new Map<string, string>();
  for (const [file, data] of Object.entries(files)) {
    if (!Array.isArray(data)) throw new Error(`${file}: expected an array of concepts`);
    data.forEach((entry: unknown, i) => {
      const parsed = ConceptSchema.safeParse(entry);
      const where = `${file} entry #${i}${describeId(entry)}`;
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(entry)"}: ${issue.message}`);
        throw new Error(`Invalid concept in ${where}: ${issues.join("; ")}`);
      }
      const previous = origin.get(parsed.data.id);
      if (previous) throw new Error(`Duplicate concept id in ${where}: already defined in ${previous}`);
      origin.set(parsed.data.id, where);
      concepts.push(parsed.data);
    });
  }
  const owner = new Map<string, Concept>();
  for (const c of concepts) {
    const seen = new Set<string>();
    for (const name of [c.title, ...c.aliases]) {
      const key = nameKey(name);
      if (key === "") throw new Error(`Concept "${c.id}": alias "${name}" has no letters or digits, so it can never match`);
      if (seen.has(key)) continue;
      seen.add(key);
      const other = owner.get(`${c.subject}:${key}`);
      if (other) throw new Error(`Concept "${c.id}": alias "${name}" means the same as an alias of "${other.id}" (same subject), so one of them is unreachable`);
      owner.set(`${c.subject}:${key}`, c);
    }
  }
  return concepts;
}

function describeId(entry: unknown): string {
  const id = typeof entry === "object" && entry !== null ? (entry as { id?: unknown }).id : undefined;
  return typeof id === "string" ? ` ("${id}")` : "";
}

// ---------------------------------------------------------------------------------------------
// Text normalisation, shared by the index and by queries so both sides always agree.

/** Lower-case ASCII-ish words separated by single spaces; apostrophes vanish ("what's" → "whats"). */
function normalize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/π/g, " pi ")
    .replace(/%/g, " percent ")
    .replace(/&/g, " and ")
    .replace(/['’‘`]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const SUBJECT_WORDS: Record<string, Subject> = {
  math: "math", maths: "math", mathematics: "math", algebra: "math", geometry: "math", calculus: "math", statistics: "math",
  science: "science", biology: "science", chemistry: "science", physics: "science", "earth science": "science",
  english: "english", ela: "english", grammar: "english", reading: "english", writing: "english", literature: "english", "language arts": "english",
  history: "social_studies", "social studies": "social_studies", economics: "social_studies", civics: "social_studies", geography: "social_studies", government: "social_studies",
};

// Question scaffolding students wrap around a topic. Whole-question forms capture the topic;
// the leading and trailing lists are peeled off repeatedly ("hey can u pls explain the …").
const WHOLE_FORMS: RegExp[] = [
  /^(?:what|wat|wut|wht)\s+(?:does|do|dose|did)\s+(?:the\s+(?:word|term|phrase)\s+)?(.+?)\s+(?:mean|means|stand for)$/,
  /^(?:what|wat)\s+(?:do|does)\s+(?:you|u|we|they|people)\s+mean\s+by\s+(.+)$/,
  /^what\s+is\s+meant\s+by\s+(.+)$/,
  /^how\s+(?:does|do|did|is|are|can)\s+(.+?)\s+(?:work|works|happen|happens|form|formed|occur|occurs|function)$/,
  /^(.+?)\s+(?:meaning|definition|explained|explanation)$/,
];
const LEADING: RegExp[] = [
  /^(?:hey|hi|hello|yo|ok|okay|so|um+|uh+|hm+|well|please|pls|plz|sorry|quick question|question|q|tutor|teacher)\b/,
  /^(?:can|could|would|will|cn|cud)\s+(?:you|u|ya|yu|someone)\b/,
  /^(?:i|we)\s+(?:dont|do not|didnt|still dont|cant|cannot)\s+(?:understand|get|know|remember)\b(?:\s+what)?/,
  /^(?:i|we)\s+(?:need|want|would like|wanna)\s+(?:help|to know|to learn|to understand)\b(?:\s+(?:with|on|about|understanding))?/,
  /^(?:im|i am)\s+(?:confused|stuck|lost)\b(?:\s+(?:about|on|with))?/,
  /^help\b(?:\s+me)?(?:\s+(?:with|understand|on|learn))?/,
  /^(?:explain|xplain|explane|expain|describe|define|summarize|summarise|teach|tell|show|give)\b(?:\s+(?:me|us))?(?:\s+(?:about|what|how|on))?(?:\s+(?:is|are))?/,
  /^(?:how|why)\s+(?:do|does|did|can|could)\s+(?:i|you|u|we)\s+(?:find|calculate|solve|work out|figure out|compute|get|use|write|do|graph|identify|make|determine)\b/,
  /^how\s+to\s+(?:find|calculate|solve|work out|figure out|compute|use|write|graph|identify|make|determine)\b/,
  /^why\s+(?:do|does|did|is|are|was|were)\b(?:\s+(?:we|there|it)(?:\s+(?:have|has|be))?)?/,
  /^(?:whats|wats|wuts|what|wat|wut|whut|waht|wht|wha)\b(?:\s+(?:is|are|r|was|were|iz|s|does|do))?/,
  /^(?:who|whos|when|where|wheres)\b(?:\s+(?:is|are|was|were|did|does|do))?/,
  /^(?:the\s+)?(?:meaning|definition|defintion|explanation|concept|idea)\s+of\b/,
  // "the function of the heart" is about the heart, not about functions.
  /^(?:the\s+)?(?:function|role|job|purpose|importance|history|effects?|uses?)\s+of\b/,
  /^(?:the\s+)?dif+e?ren[cs]e?\s+(?:between|btwn|b w)\b/,
  /^(?:some\s+|an\s+|a\s+)?examples?\s+of\b/,
  /^(?:a|an|the|about|on|some)\b/,
];
const TRAILING =
  /\s+(?:please|pls|plz|thanks|thank you|thx|ty|again|for me|to me|for kids|for a kid|like im 5|like im five|like i am 5|like i am five|in simple terms|in simple words|in easy words|simply|exactly|briefly|quickly|real quick|lol|idk|im confused|i dont get it|with an example|with examples|for example|step by step|in detail|ok|okay|(?:for|on|in) (?:my|a|the|our|tomorrows|todays) (?:homework|class|test|quiz|exam|assignment|project|worksheet|lesson))$/;
const SUBJECT_SUFFIX = new RegExp(`\\s+(?:in|for)\\s+(${Object.keys(SUBJECT_WORDS).join("|")})(?:\\s+class)?$`);

/** Removes question scaffolding; reports a subject named at the end ("… in math"). */
function stripQuestion(normalized: string): { topic: string; subject: Subject | null } {
  let s = normalized;
  let subject: Subject | null = null;
  for (let changed = true; changed; ) {
    const before = s;
    for (const form of WHOLE_FORMS) s = s.replace(form, "$1");
    for (const lead of LEADING) s = s.replace(lead, "").trimStart();
    s = s.replace(TRAILING, "");
    s = s.replace(SUBJECT_SUFFIX, (_, word: string) => {
      subject = SUBJECT_WORDS[word] ?? null;
      return "";
    });
    // A bare "summarize" or "define" is itself the topic, so never strip a question to nothing.
    if (s.trim() === "") return { topic: before.trim(), subject };
    changed = s !== before;
  }
  return { topic: s.trim(), subject };
}

/** Light plural folding so "fractions" and "fraction" meet; applied identically on both sides. */
function stem(word: string): string {
  if (word.length <= 3 || /(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:sses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  return word.endsWith("s") ? word.slice(0, -1) : word;
}

// Words that carry no topic. Checked before stemming ("does" would stem to "doe"). Topic words
// that double as filler ("work", "mean", "matter", "power") are deliberately absent, and so are
// school words ("teacher", "homework"): "why is my teacher so mean" must not reduce to "mean".
const STOPWORDS = new Set(
  (
    "a an the of and or in on at to for from by with into about as is are was were be been being am it its this that these those there " +
    "what whats wat wut how why when where who which whose do does did doing done can could would should will shall may might must " +
    "you u your ur me my we us our they them their he him his she her have has had im dont doesnt didnt cant not " +
    "explain explane xplain tell define definition meaning meant please pls plz thanks thank thx help understand know learn " +
    "get got give show need want like just really very so some any thing things stuff something example examples " +
    "question questions again also find calculate make makes made cause causes happen happens happened kind kinds type types " +
    "vs versus difference between use used using call called many much ok okay hey hi hello um uh hmm lol idk yeah"
  ).split(" "),
);

function words(text: string): string[] {
  return text === "" ? [] : text.split(" ");
}

/** Canonical form of a title or alias, used as the exact-match key. */
function nameKey(name: string): string {
  return words(stripQuestion(normalize(name)).topic).map(stem).join(" ");
}

/** Topic-bearing words. Lone letters go too: "u.n." and "supply n demand" must not meet on "n". */
function contentTerms(text: string): string[] {
  return [...new Set(words(text).filter((w) => !STOPWORDS.has(w) && !/^[a-z]$/.test(w)).map(stem))];
}

// ---------------------------------------------------------------------------------------------
// Index (built once, on first use)

interface IndexedPhrase {
  concept: number;
  /** Titles and aliases name the concept; keywords only hint at it. */
  isName: boolean;
  terms: string[];
}

interface KnowledgeIndex {
  concepts: readonly Concept[];
  /** Canonical name → concepts (several only when subjects share a word, e.g. "reflection"). */
  exact: Map<string, number[]>;
  /** Names without spaces, so "watercycle" and "photo synthesis" still hit exactly. */
  compact: Map<string, number[]>;
  phrases: IndexedPhrase[];
  /** Term → phrases containing it. */
  postings: Map<string, number[]>;
  /** Term → how many different concepts use it. */
  conceptsWithTerm: Map<string, number>;
  /** One-letter-deleted form of a term → terms; finds most typos within two edits without a scan. */
  deletions: Map<string, string[]>;
  /** Fuse indexes over the longer terms, keyed by edgeKeys(). */
  fuseByEdge: Map<string, Fuse<string>>;
}

/** Words shorter than this are left to tier 2: Fuse would match them inside too many terms. */
const FUSE_MIN_LENGTH = 5;
/** Tier 3 only runs for questions of at most this many content words. */
const FUSE_MAX_TERMS = 3;

let index: KnowledgeIndex | null = null;

function knowledge(): KnowledgeIndex {
  index ??= buildIndex(
    parseKnowledgeBase({
      "math.json": mathData,
      "science.json": scienceData,
      "english.json": englishData,
      "social-studies.json": socialStudiesData,
    }),
  );
  return index;
}

function buildIndex(concepts: Concept[]): KnowledgeIndex {
  for (const c of concepts) deepFreeze(c);
  const exact = new Map<string, number[]>();
  const compact = new Map<string, number[]>();
  const phrases: IndexedPhrase[] = [];
  const postings = new Map<string, number[]>();
  concepts.forEach((c, ci) => {
    for (const name of [c.title, ...c.aliases]) {
      const key = nameKey(name);
      addTo(exact, key, ci);
      addTo(compact, key.replace(/ /g, ""), ci);
      phrases.push({ concept: ci, isName: true, terms: contentTerms(key) });
    }
    for (const keyword of c.keywords) phrases.push({ concept: ci, isName: false, terms: contentTerms(normalize(keyword)) });
  });
  phrases.forEach((p, pi) => p.terms.forEach((t) => addTo(postings, t, pi)));
  const conceptsWithTerm = new Map([...postings].map(([term, ps]) => [term, new Set(ps.map((pi) => phrases[pi].concept)).size]));
  const deletions = new Map<string, string[]>();
  for (const term of postings.keys()) if (term.length >= 4) for (const d of deletionsOf(term)) addTo(deletions, d, term);
  const byEdge = new Map<string, string[]>();
  for (const term of postings.keys()) if (term.length >= FUSE_MIN_LENGTH) for (const edge of edgeKeys(term)) addTo(byEdge, edge, term);
  const fuseByEdge = new Map(
    [...byEdge].map(([edge, terms]) => [edge, new Fuse(terms, { includeScore: true, ignoreLocation: true, threshold: 0.4 })] as const),
  );
  return { concepts, exact, compact, phrases, postings, conceptsWithTerm, deletions, fuseByEdge };
}

function edgeKeys(word: string): [string, string] {
  return [`${word.slice(0, 2)}-`, `-${word.slice(-2)}`];
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (typeof inner === "object" && inner !== null) deepFreeze(inner);
  return Object.freeze(value);
}

// ---------------------------------------------------------------------------------------------
// Public API

export function allConcepts(): Concept[] {
  return [...knowledge().concepts];
}

/** Below this a match is more likely wrong than right, so we say "not found" instead. */
const MIN_SCORE = 0.55;
/** Candidates this close to the best count as a tie, which the caller's subject hint breaks. */
const TIE_MARGIN = 0.05;
/** The caller only needs the topic; anything longer is a pasted paragraph, not a question. */
const MAX_QUERY_LENGTH = 300;

export function findConcept(query: string, opts?: { subject?: Subject | null }): { concept: Concept; score: number } | null {
  const kb = knowledge();
  const { topic, subject: named } = stripQuestion(normalize(query.slice(0, MAX_QUERY_LENGTH)));
  if (topic === "") return null;
  const hint = opts?.subject ?? named;

  const key = words(topic).map(stem).join(" ");
  const exact = kb.exact.get(key) ?? kb.compact.get(key.replace(/ /g, ""));
  if (exact) return { concept: kb.concepts[pickBySubject(kb, exact, hint)], score: 1 };

  const terms = contentTerms(topic).map((text) => ({ text, matches: resolveTerm(kb, text) }));
  let ranked = rank(kb, terms);
  if ((ranked[0]?.score ?? 0) < MIN_SCORE && repairWithFuse(kb, terms)) ranked = rank(kb, terms);
  const best = ranked[0];
  if (!best || best.score < MIN_SCORE) return null;
  const hinted = hint ? ranked.find((r) => kb.concepts[r.concept].subject === hint && best.score - r.score <= TIE_MARGIN) : undefined;
  const chosen = hinted ?? best;
  return { concept: kb.concepts[chosen.concept], score: round(chosen.score) };
}

/** Markdown: bold title, the explanation for the student's grade band, then a concrete example. */
export function explainConcept(concept: Concept, gradeLevel: number | null): string {
  return `**${concept.title}**\n\n${concept.explanations[bandForGrade(gradeLevel)]}\n\nFor example: ${concept.example}`;
}

/** Grades 0–5 elementary, 6–8 middle, 9–12 high; unknown grade gets the middle band. */
function bandForGrade(gradeLevel: number | null): Band {
  if (gradeLevel === null || Number.isNaN(gradeLevel)) return "middle";
  if (gradeLevel < 6) return "elementary";
  return gradeLevel < 9 ? "middle" : "high";
}

function pickBySubject(kb: KnowledgeIndex, candidates: number[], hint: Subject | null): number {
  return candidates.find((ci) => kb.concepts[ci].subject === hint) ?? candidates[0];
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Tier 2: term matching and scoring

interface QueryTerm {
  text: string;
  /** Knowledge-base terms this word may stand for, with similarity 0..1 (1 = spelled the same). */
  matches: Array<[term: string, similarity: number]>;
}

/** A word shared with a keyword, or with part of a longer alias, is weaker evidence than a whole name. */
const PARTIAL_CREDIT = 0.7;
/** Token-level matches stay below the 1.0 reserved for an exact alias. */
const TERM_MATCH_CEILING = 0.95;
/** Keyword evidence from a word misspelled worse than this ("spider" ~ "side") does not count. */
const STRONG_SIMILARITY = 0.8;
/** A lone keyword this long, used by a single concept, identifies it ("chlorophyll"). */
const UNIQUE_HINT_LENGTH = 6;

/** Edits tolerated in a word of this length; short words must be spelled right or nearly so. */
function maxEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  return length <= 10 ? 2 : 3;
}

function similarity(word: string, term: string, allowed: number): number {
  // Short words are too easy to confuse ("herb"/"verb", "teacher"/"weather"); they must at least
  // start with the same letter. Long words keep their shape even with a wrong first letter.
  if (Math.max(word.length, term.length) <= 7 && word[0] !== term[0]) return 0;
  const d = editDistance(word, term, allowed);
  return d > allowed ? 0 : 1 - d / Math.max(word.length, term.length);
}

function resolveTerm(kb: KnowledgeIndex, word: string): QueryTerm["matches"] {
  if (kb.postings.has(word)) return [[word, 1]];
  const allowed = Math.min(maxEdits(word.length), 2);
  if (allowed === 0) return [];
  const found = new Map<string, number>();
  const consider = (term: string) => {
    if (found.has(term)) return;
    const sim = similarity(word, term, allowed);
    if (sim > 0) found.set(term, sim);
  };
  // word minus ≤2 letters meeting a term minus ≤1 letter covers substitutions, transpositions,
  // and missing or extra letters, with a few dozen map lookups instead of a vocabulary scan.
  const variants = new Set([word]);
  for (const d1 of deletionsOf(word)) {
    variants.add(d1);
    for (const d2 of deletionsOf(d1)) variants.add(d2);
  }
  for (const v of variants) {
    if (kb.postings.has(v)) consider(v);
    for (const term of kb.deletions.get(v) ?? []) consider(term);
  }
  return [...found];
}

/** A Fuse repair must still be this similar as a whole word: at most ~30% of its letters edited. */
const REPAIR_MIN_SIMILARITY = 0.7;

/**
 * Tier 3: asks Fuse about words tier 2 could not place, for badly misspelled names such as
 * "fotosinthesis", adding what it finds to `terms` in place; true if anything was added. Only for
 * short questions: a long sentence with unknown words is almost always about something we don't
 * cover.
 */
function repairWithFuse(kb: KnowledgeIndex, terms: QueryTerm[]): boolean {
  // Words tier 2 matched only approximately are retried too: "therom" is two edits from "theory",
  // but the student meant "theorem".
  const doubtful = terms.filter((t) => t.text.length >= FUSE_MIN_LENGTH && t.matches.every(([, sim]) => sim < 1));
  if (doubtful.length === 0 || terms.length > FUSE_MAX_TERMS) return false;
  let repaired = false;
  for (const t of doubtful) {
    // Fuse ranks substring hits ("thermal" for "therom") above true misspellings ("theorem"),
    // so take a generous list and let edit distance pick.
    const hits = edgeKeys(t.text).flatMap((edge) => kb.fuseByEdge.get(edge)?.search(t.text, { limit: 20 }) ?? []);
    for (const hit of hits) {
      // Fuse finds the word anywhere inside a term; edit distance checks the whole word resembles it.
      const allowed = Math.ceil((1 - REPAIR_MIN_SIMILARITY) * Math.max(t.text.length, hit.item.length));
      const sim = similarity(t.text, hit.item, allowed);
      if (sim >= REPAIR_MIN_SIMILARITY && !t.matches.some(([term]) => term === hit.item)) {
        t.matches.push([hit.item, sim]);
        repaired = true;
      }
    }
  }
  return repaired;
}

interface Ranked {
  concept: number;
  score: number;
}

/**
 * Scores each concept by the share of the question (by letters) it explains. Words matched by a
 * complete title or alias earn full credit. Words matched only by keywords or by part of an alias
 * earn PARTIAL_CREDIT and need company: two well-spelled such words, or one long word that no other
 * concept uses ("chlorophyll"), so "time" alone never lands on "speed". When a concept matches a
 * name exactly, words that exactly name another concept leave its denominator, so "noun and verb"
 * counts as two clean matches rather than two half matches.
 */
function rank(kb: KnowledgeIndex, terms: QueryTerm[]): Ranked[] {
  if (terms.length === 0) return [];
  const hitsByPhrase = new Map<number, Map<string, { word: number; sim: number }>>();
  terms.forEach((t, word) => {
    for (const [term, sim] of t.matches) {
      for (const pi of kb.postings.get(term) ?? []) {
        let hits = hitsByPhrase.get(pi);
        if (!hits) hitsByPhrase.set(pi, (hits = new Map()));
        const prev = hits.get(term);
        if (!prev || sim > prev.sim) hits.set(term, { word, sim });
      }
    }
  });

  interface WordCredit {
    credit: number;
    sim: number;
    term: string;
  }
  const byConcept = new Map<number, Array<WordCredit | undefined>>();
  const named = new Map<number, Set<number>>();
  const claimedBy = terms.map(() => new Set<number>());
  for (const [pi, hits] of hitsByPhrase) {
    const p = kb.phrases[pi];
    const whole = p.isName && hits.size === p.terms.length;
    let perWord = byConcept.get(p.concept);
    if (!perWord) byConcept.set(p.concept, (perWord = terms.map(() => undefined)));
    for (const [term, { word, sim }] of hits) {
      const credit = whole ? sim : PARTIAL_CREDIT * sim;
      if (credit > (perWord[word]?.credit ?? 0)) perWord[word] = { credit, sim, term };
      if (!whole) continue;
      let set = named.get(p.concept);
      if (!set) named.set(p.concept, (set = new Set()));
      set.add(word);
      // Only an exact spelling may take a word away from other concepts: "power ranger" is not
      // "power" plus the concept "range".
      if (sim === 1) claimedBy[word].add(p.concept);
    }
  }

  const ranked: Array<Ranked & { covered: number; first: number }> = [];
  for (const [ci, perWord] of byConcept) {
    const nameWords = named.get(ci);
    if (!nameWords && !enoughHints(kb, perWord.filter((w) => w !== undefined))) continue;
    // Only a concept that is itself named exactly may hand words over to other concepts.
    const compound = claimedBy.some((owners) => owners.has(ci));
    let earned = 0;
    let possible = 0;
    terms.forEach((t, w) => {
      if (compound && claimedBy[w].size > 0 && !claimedBy[w].has(ci)) return;
      earned += (perWord[w]?.credit ?? 0) * t.text.length;
      possible += t.text.length;
    });
    const first = nameWords ? Math.min(...nameWords) : terms.length;
    const covered = perWord.filter((w) => w !== undefined).length;
    ranked.push({ concept: ci, score: (TERM_MATCH_CEILING * earned) / possible, covered, first });
  }
  // Ties go to the concept that accounts for more words ("red blood cells" over "cells"), then to
  // the one named first ("mean median mode" → mean), then to knowledge-base order. Scores are
  // ratios, so equal ones can differ in the last bit (0.95·12/12 vs 0.95·4/4).
  const byScore = (a: Ranked, b: Ranked) => (Math.abs(b.score - a.score) > 1e-9 ? b.score - a.score : 0);
  return ranked.sort((a, b) => byScore(a, b) || b.covered - a.covered || a.first - b.first || a.concept - b.concept);
}

/** Keyword-only evidence is trusted when it is plentiful or unmistakable; typos weaken it. */
function enoughHints(kb: KnowledgeIndex, hints: Array<{ sim: number; term: string }>): boolean {
  const strong = hints.filter((h) => h.sim >= STRONG_SIMILARITY);
  if (strong.length >= 2) return true;
  return strong.some((h) => h.sim === 1 && h.term.length >= UNIQUE_HINT_LENGTH && kb.conceptsWithTerm.get(h.term) === 1);
}

/** Optimal-string-alignment distance (adjacent swaps count once), giving up beyond `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      row.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}
