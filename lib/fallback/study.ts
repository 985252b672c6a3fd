// Study advice: a few proven techniques (retrieval practice, spacing, interleaving, worked examples)
// matched to what the student asked about, worded for their grade band.
import { byBand, type Band } from "./wording";

export type StudyTopic = "test" | "memorise" | "focus" | "time" | "stress" | "reading" | "math" | "general";

export const STUDY_PATTERN =
  /\b(study|studying|revise|revising|revision|exams?|tests?|quiz(?:zes)?|finals|memori[sz]e|memori[sz]ing|remember|focus|concentrat\w*|procrastinat\w*|distracted|motivat\w*|time management|homework (?:routine|plan|schedule)|flashcards|cram|cramming|prepare|prep|get better grades|good grades|learn (?:faster|better)|take notes|note[- ]taking|anxious|anxiety|stressed|nervous|overwhelmed)\b/;

const TOPICS: [StudyTopic, RegExp][] = [
  ["stress", /\b(anxious|anxiety|stressed|nervous|overwhelmed|panic|freak(?:ing)? out)\b/],
  ["focus", /\b(focus|concentrat\w*|procrastinat\w*|distracted|phone|motivat\w*|lazy|can'?t start)\b/],
  ["time", /\b(time management|schedule|plan my|too much homework|homework (?:routine|plan|schedule)|organi[sz]e)\b/],
  ["memorise", /\b(memori[sz]\w*|remember|vocab\w*|flashcards|dates|facts|spelling words)\b/],
  ["math", /\b(math|maths|algebra|geometry|equations?|calculus)\b/],
  ["reading", /\b(reading|read faster|textbook|take notes|note[- ]taking|notes)\b/],
  ["test", /\b(exams?|tests?|quiz(?:zes)?|finals|cram|cramming|revise|revision|prepare|prep)\b/],
];

export function studyTopic(message: string): StudyTopic {
  const s = message.toLowerCase();
  return TOPICS.find(([, re]) => re.test(s))?.[0] ?? "general";
}

export function studyAdvice(topic: StudyTopic, band: Band): string {
  const tips: Record<StudyTopic, string[]> = {
    test: [
      byBand(band, {
        elementary: "Start a few days early and do a little each day, instead of everything the night before.",
        high: "Space it out: several short sessions over a few days beat one long cram — your memory consolidates between sessions.",
      }),
      "Test yourself instead of re-reading: cover your notes and try to recall, or do practice questions. Checking what you *can't* remember shows you what to study.",
      "Make a list of the topics that will be on the test and mark each one green / amber / red. Spend most time on the reds.",
      "Sleep well the night before — tired brains recall less.",
    ],
    memorise: [
      "Use flashcards and say the answer *before* you flip the card.",
      "Review after 1 day, 3 days and a week — each review makes the memory last longer.",
      byBand(band, {
        elementary: "Make up a silly rhyme, song or picture to go with tricky facts.",
        high: "Build meaning: connect new facts to things you know, or use mnemonics for lists.",
      }),
      "Teach it to someone else (or to an empty chair) — explaining shows you what you really know.",
    ],
    focus: [
      "Put your phone in another room, or turn on do-not-disturb.",
      byBand(band, {
        elementary: "Work for 15 minutes, then take a 5-minute break.",
        high: "Try the Pomodoro method: 25 minutes of focused work, 5-minute break, repeat.",
      }),
      'Start with the smallest possible step ("just write the first sentence") — getting started is the hardest part.',
      "Write down what you'll do in this session before you begin, and tick it off when done.",
    ],
    time: [
      "Write every assignment and due date in one place (a planner or calendar).",
      "Break big projects into small tasks with their own mini-deadlines.",
      "Do the hardest or most urgent task first, while your energy is highest.",
      "Plan a regular homework time and place so it becomes a habit.",
    ],
    stress: [
      "Feeling nervous before a test is normal — it means you care. Slow breathing (in for 4, out for 6) calms your body down.",
      "Turn worry into a plan: list what you need to study and pick one small thing to do now.",
      "Practice questions under test-like conditions make the real test feel familiar.",
      "If the stress feels like too much, talk to a teacher, your school counselor or a parent — they want to help.",
    ],
    reading: [
      "Before reading, skim the headings and questions so you know what to look for.",
      "After each section, close the book and sum it up in one or two sentences in your own words.",
      "Write questions in the margin or your notes, then try to answer them later without looking.",
    ],
    math: [
      "Do problems, don't just read examples: cover the worked solution, try it, then compare.",
      "Mix different kinds of problems in one session, so you practise choosing the method as well as using it.",
      "Keep an error log: write down each mistake and why it happened — these are your best revision notes.",
      "Send me practice problems here and I'll check your answers.",
    ],
    general: [
      "Test yourself (practice questions, flashcards) rather than re-reading — it's the most effective way to learn.",
      "Spread studying over several days instead of cramming.",
      "Study in short focused blocks with breaks, and phones away.",
      "When stuck, try a worked example, then a similar problem on your own.",
    ],
  };
  const heading = byBand(band, {
    elementary: "Here are some ways to study that really work:",
    high: "Study techniques with strong evidence behind them:",
  });
  return `${heading}\n\n${tips[topic].map((t) => `- ${t}`).join("\n")}\n\n_Want to practise now? Send me a problem or a topic and we'll work on it together._`;
}
