// What simulated students type: a few questions many of them ask word for word (what a cache of
// common answers would serve), maths problems with varying numbers, short follow-ups, and essays
// pasted for feedback (the long, expensive prompts).

export const COMMON_QUESTIONS = [
  "What is photosynthesis?",
  "How do I find the area of a triangle?",
  "What is the difference between weather and climate?",
  "Can you explain what a fraction is?",
  "What caused the First World War?",
  "How do I write a good topic sentence?",
  "What is the water cycle?",
  "What are prime numbers?",
  "How does the heart pump blood around the body?",
  "What is the difference between a simile and a metaphor?",
  "Why do we have seasons?",
  "What is Newton's first law of motion?",
] as const;

export const FOLLOW_UPS = [
  "Can you explain the second step again?",
  "Why does that work?",
  "Can you give me another example?",
  "I got a different answer. Where did I go wrong?",
  "Can you check my working? I think the answer is 12.",
  "What should I try next on my own?",
  "Can you say that more simply?",
] as const;

const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

export function mathsProblem(r: () => number): string {
  const a = int(r, 2, 9);
  const b = int(r, 3, 40);
  const c = int(r, 10, 90);
  const templates = [
    `Solve ${a}x + ${b} = ${c}. I don't know where to start.`,
    `What is ${b}% of ${c * 10}?`,
    `Simplify (${a}x + ${b})(x - ${a}).`,
    `A rectangle is ${a} cm by ${b} cm. What is its perimeter and its area?`,
    `How do I add 2/${a} and 3/${a + 1}?`,
    `A train travels ${c} km in ${a} hours. What is its average speed?`,
  ];
  return templates[int(r, 0, templates.length - 1)]!;
}

const ESSAY_SENTENCES = [
  "The industrial revolution changed the way people lived and worked in many countries.",
  "Factories were built in growing towns, and families moved from the countryside to find jobs.",
  "Working conditions were often dangerous, and children worked long hours for very little pay.",
  "New machines made it possible to produce cloth and iron much faster than before.",
  "Railways connected cities, which meant goods and people could travel further and faster.",
  "Some historians argue that living standards fell at first, while others say they slowly rose.",
  "Reformers campaigned for laws that limited working hours and required children to attend school.",
  "In my opinion the most important change was how quickly ideas spread once newspapers were cheap.",
  "However, the pollution from coal had serious effects on health that lasted for generations.",
  "To conclude, the period brought both great progress and great suffering to ordinary people.",
] as const;

/** A pasted essay of roughly 2,500–6,000 characters with a request for feedback. */
export function essay(r: () => number): string {
  const target = int(r, 2_500, 6_000);
  const paragraphs: string[] = [];
  let length = 0;
  // Bounded: every sentence adds at least 60 characters, so at most ~100 sentences.
  while (length < target) {
    const sentences = Array.from({ length: int(r, 3, 6) }, () => ESSAY_SENTENCES[int(r, 0, ESSAY_SENTENCES.length - 1)]!);
    const p = sentences.join(" ");
    paragraphs.push(p);
    length += p.length + 2;
  }
  return `Can you give me feedback on my history essay? Be honest about what to improve.\n\n${paragraphs.join("\n\n")}`;
}
