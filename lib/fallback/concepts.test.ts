import { describe, expect, it } from "vitest";
import { allConcepts, explainConcept, findConcept, parseKnowledgeBase, type Subject } from "./concepts";

const concepts = allConcepts();

describe("knowledge base", () => {
  it("has at least 200 concepts with unique ids, spread across every subject", () => {
    expect(concepts.length).toBeGreaterThanOrEqual(200);
    expect(new Set(concepts.map((c) => c.id)).size).toBe(concepts.length);
    const minimum: Record<Subject, number> = { math: 50, science: 55, english: 40, social_studies: 45 };
    for (const [subject, min] of Object.entries(minimum)) {
      expect(concepts.filter((c) => c.subject === subject).length, subject).toBeGreaterThanOrEqual(min);
    }
  });

  it("gives every concept three distinct explanations, simpler for younger students, and an example", () => {
    for (const c of concepts) {
      const { elementary, middle, high } = c.explanations;
      expect(new Set([elementary, middle, high]).size, c.id).toBe(3);
      expect(elementary.length, `${c.id}: elementary should be shorter than high`).toBeLessThan(high.length);
      expect(c.example.trim(), c.id).not.toBe("");
    }
  });

  it("keeps $…$ maths balanced, so money written as '$5' can't break rendering", () => {
    for (const c of concepts) {
      for (const text of [c.explanations.elementary, c.explanations.middle, c.explanations.high, c.example]) {
        expect((text.match(/(?<!\\)\$/g)?.length ?? 0) % 2, `${c.id}: ${text}`).toBe(0);
      }
    }
  });

  it("returns copies that callers cannot use to corrupt the shared data", () => {
    const first = allConcepts();
    first.pop();
    expect(allConcepts()).toHaveLength(concepts.length);
    expect(() => {
      (concepts[0].aliases as string[]).push("vandalism");
    }).toThrow();
  });
});

describe("findConcept: every concept is reachable", () => {
  it.each(concepts.map((c) => [c.id, c] as const))("%s by its title and each alias", (_, c) => {
    for (const name of [c.title, ...c.aliases]) {
      expect(findConcept(name, { subject: c.subject }), name).toMatchObject({ concept: { id: c.id }, score: 1 });
      // Without a hint an alias shared across subjects ("reflection") may go to the other
      // subject's concept, but only to one that owns the same alias.
      const unhinted = findConcept(name)?.concept;
      if (unhinted && unhinted.id !== c.id) {
        expect(unhinted.subject, name).not.toBe(c.subject);
        expect(findConcept(name, { subject: unhinted.subject }), `${name} → ${unhinted.id}`).toMatchObject({ concept: { id: unhinted.id }, score: 1 });
      }
    }
  });
});

describe("findConcept: how students actually ask", () => {
  const phrasings: Array<[query: string, id: string]> = [
    // misspellings
    ["fotosynthesis", "photosynthesis"],
    ["photosinthesis", "photosynthesis"],
    ["fotosinthesys", "photosynthesis"],
    ["photosyntesis", "photosynthesis"],
    ["pythagorus therom", "pythagorean-theorem"],
    ["pythagorian therum", "pythagorean-theorem"],
    ["mytosis", "mitosis"],
    ["meosis", "meiosis"],
    ["gravaty", "gravity"],
    ["demacracy", "democracy"],
    ["personafacation", "personification"],
    ["onomatopia", "onomatopoeia"],
    ["what is a simmile", "simile"],
    ["metafor", "metaphor"],
    ["mitocondria", "cell"],
    ["explain checks and balences", "checks-and-balances"],
    ["whats a thesis statment", "thesis-statement"],
    ["watercycle", "water-cycle"],
    ["chromosones", "gene"],
    ["whats the diffrence between mass and weight", "mass-and-weight"],
    // question scaffolding
    ["what's photosynthesis", "photosynthesis"],
    ["wat is a noun", "noun"],
    ["explain the water cycle pls", "water-cycle"],
    ["how does gravity work", "gravity"],
    ["can u tell me about democracy", "democracy"],
    ["PHOTOSYNTHESIS???", "photosynthesis"],
    ["hey um so whats the water cycle again", "water-cycle"],
    ["can you please explain to me what a noun is", "noun"],
    ["i need help understanding the pythagorean theorem", "pythagorean-theorem"],
    ["i dont get fractions", "fraction"],
    ["what does hyperbole mean", "hyperbole"],
    ["define onomatopoeia", "onomatopoeia"],
    ["what is the mean", "mean"],
    ["what are prime numbers?", "prime-number"],
    ["explain fractions for my homework", "fraction"],
    // descriptions and longer questions
    ["how do plants make food", "photosynthesis"],
    ["what is chlorophyll", "photosynthesis"],
    ["why is the sky blue", "light"],
    ["why do we have seasons", "seasons"],
    ["how are fossils formed", "fossil"],
    ["what causes earthquakes", "earthquake"],
    ["how do vaccines work", "immune-system"],
    ["what does the mitochondria do", "cell"],
    ["what do red blood cells do", "circulatory-system"],
    ["what is the function of the heart", "circulatory-system"],
    ["how many bones are in the human body", "skeletal-and-muscular-systems"],
    ["photosynthesis in plants", "photosynthesis"],
    ["when did world war 2 start", "world-war-ii"],
    ["why did the roman empire fall", "ancient-rome"],
    ["who was martin luther king", "civil-rights-movement"],
    ["who was martin luther", "reformation"],
    ["causes of the american revolution", "american-revolution"],
    ["how to find the area of a trapezoid", "area"],
    ["how do you divide fractions", "fraction"],
    ["what is 15% of 80", "percent"],
    ["is 17 prime", "prime-number"],
    ["what's sohcahtoa", "trigonometry"],
    ["y=mx+b", "linear-equation"],
    ["its vs it's", "apostrophe"],
    ["their there they're", "homophone"],
    ["newton's 3rd law", "newtons-laws"],
    ["supply n demand", "supply-and-demand"],
    ["what is the 19th amendment", "womens-suffrage"],
    // two topics in one question: the first one named
    ["whats the difference between mitosis and meiosis", "mitosis"],
    ["mean median mode", "mean"],
    ["noun and verb", "noun"],
  ];

  it.each(phrasings)("%j → %s", (query, id) => {
    expect(findConcept(query)?.concept.id).toBe(id);
  });

  it("scores exact alias hits 1 and everything else lower, within 0..1", () => {
    expect(findConcept("the water cycle")?.score).toBe(1);
    for (const [query] of phrasings) {
      const score = findConcept(query)?.score ?? -1;
      expect(score, query).toBeGreaterThan(0);
      expect(score, query).toBeLessThanOrEqual(1);
    }
    expect(findConcept("photosinthesis")?.score).toBeLessThan(1);
  });

  it("answers a typical lookup in well under a millisecond", () => {
    const queries = phrasings.map(([q]) => q);
    for (const q of queries) findConcept(q);
    const rounds = 20;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) for (const q of queries) findConcept(q);
    const perLookup = (performance.now() - start) / (rounds * queries.length);
    expect(perLookup).toBeLessThan(0.5);
  });
});

describe("findConcept: things we don't cover", () => {
  const unrelated = [
    "what is the capital of mongolia's football team",
    "who won the super bowl",
    "tell me a joke",
    "what time is it",
    "is a tomato a fruit or a vegetable",
    "what is love",
    "my friend is mean to me",
    "why is my teacher so mean",
    "how many legs does a spider have",
    "what is a power ranger",
    "what's the range of a rover",
    "what is the capital of france",
    "how do i bake a cake",
    "minecraft",
    "asdfghjkl",
    "who invented the telephone",
    "",
    "   ",
    "help",
    "?!",
  ];
  it.each(unrelated)("%j → null", (query) => {
    expect(findConcept(query)).toBeNull();
  });
});

describe("findConcept: subject hint", () => {
  it("picks the hinted subject when an alias belongs to concepts in two subjects", () => {
    expect(findConcept("reflection", { subject: "math" })?.concept.id).toBe("transformations");
    expect(findConcept("reflection", { subject: "science" })?.concept.id).toBe("light");
    expect(findConcept("rotation", { subject: "science" })?.concept.id).toBe("earth-rotation-and-revolution");
  });

  it("breaks ties between equally good matches, and reads a subject named in the question", () => {
    expect(findConcept("graphs and maps")?.concept.id).toBe("data-displays");
    expect(findConcept("graphs and maps", { subject: "social_studies" })?.concept.id).toBe("maps-and-globes");
    expect(findConcept("what is reflection in science")?.concept.id).toBe("light");
    expect(findConcept("what is reflection in math")?.concept.id).toBe("transformations");
  });

  it("does not override a clearly better match", () => {
    expect(findConcept("photosynthesis", { subject: "math" })?.concept.id).toBe("photosynthesis");
    expect(findConcept("quick fotosynthesis question", { subject: "english" })?.concept.id).toBe("photosynthesis");
  });
});

describe("explainConcept", () => {
  const photosynthesis = findConcept("photosynthesis")!.concept;

  it.each([
    [0, "elementary"],
    [3, "elementary"],
    [5, "elementary"],
    [6, "middle"],
    [8, "middle"],
    [9, "high"],
    [12, "high"],
    [null, "middle"],
  ] as const)("grade %s gets the %s explanation", (grade, band) => {
    const text = explainConcept(photosynthesis, grade);
    expect(text).toContain(photosynthesis.explanations[band]);
    for (const other of (["elementary", "middle", "high"] as const).filter((b) => b !== band)) {
      expect(text).not.toContain(photosynthesis.explanations[other]);
    }
  });

  it("renders Markdown: bold title, explanation, then the example", () => {
    expect(explainConcept(photosynthesis, 7)).toBe(
      `**Photosynthesis**\n\n${photosynthesis.explanations.middle}\n\nFor example: ${photosynthesis.example}`,
    );
  });
});

describe("parseKnowledgeBase (the load-time validator)", () => {
  const valid = {
    id: "test-concept",
    title: "Test Concept",
    subject: "science",
    aliases: ["test concept"],
    keywords: ["testing"],
    explanations: {
      elementary: "A simple explanation for young students.",
      middle: "A fuller explanation with the key terms in it.",
      high: "A precise explanation, with a formula such as $E=mc^2$.",
    },
    example: "A concrete example that makes the idea real.",
  };
  const withChange = (change: Record<string, unknown>) => ({ ...valid, ...change });

  it("accepts well-formed entries", () => {
    expect(parseKnowledgeBase({ "science.json": [valid] })).toEqual([valid]);
  });

  it.each([
    ["a missing band", withChange({ explanations: { elementary: valid.explanations.elementary, middle: valid.explanations.middle } }), /explanations\.high/],
    ["an unknown subject", withChange({ subject: "art" }), /subject/],
    ["a misspelled field", { ...valid, example: undefined, exmaple: "typo" }, /example|exmaple/],
    ["an id that is not kebab-case", withChange({ id: "Test Concept" }), /id must be lowercase kebab-case/],
    ["no aliases", withChange({ aliases: [] }), /aliases/],
    ["an empty alias", withChange({ aliases: ["  "] }), /aliases\.0/],
    ["money written with a lone $", withChange({ example: "A snack costs $2 at the store, which is cheap." }), /unbalanced \$/],
    ["a placeholder explanation", withChange({ explanations: { ...valid.explanations, middle: "TODO" } }), /explanations\.middle/],
  ])("rejects %s, naming the file and entry", (_, entry, problem) => {
    const attempt = () => parseKnowledgeBase({ "science.json": [valid, entry] });
    expect(attempt).toThrow(/science\.json entry #1/);
    expect(attempt).toThrow(problem);
  });

  it("rejects a file that is not a list", () => {
    expect(() => parseKnowledgeBase({ "math.json": { concepts: [] } })).toThrow(/math\.json: expected an array/);
  });

  it("rejects duplicate ids, even across files", () => {
    expect(() => parseKnowledgeBase({ "science.json": [valid], "math.json": [withChange({ subject: "math" })] })).toThrow(
      /Duplicate concept id in math\.json entry #0 \("test-concept"\): already defined in science\.json entry #0/,
    );
  });

  it("rejects an alias that would make a concept in the same subject unreachable", () => {
    const rival = withChange({ id: "rival", title: "Rival", aliases: ["Test concepts"] });
    expect(() => parseKnowledgeBase({ "science.json": [valid, rival] })).toThrow(/"rival": alias "Test concepts" means the same as an alias of "test-concept"/);
    // The same alias in another subject is fine: the subject hint chooses.
    expect(parseKnowledgeBase({ "science.json": [valid], "math.json": [withChange({ ...rival, subject: "math" })] })).toHaveLength(2);
  });

  it("rejects an alias that has no letters or digits", () => {
    expect(() => parseKnowledgeBase({ "science.json": [withChange({ aliases: ["?!"] })] })).toThrow(/alias "\?!" has no letters or digits/);
  });
});
