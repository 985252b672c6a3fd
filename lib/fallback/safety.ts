// Messages that may mean a student is at risk or someone else is. Matching is deliberately about
// the student's own situation or intent ("I want to hurt myself", "my dad hits me", "bring a knife
// to school"), so coursework about wars, crimes or a character's death is not flagged. When in
// doubt the patterns lean towards flagging: a caring reply to a false alarm costs little.
import { reasonText } from "@/lib/tutor/reasons";
import { byBand, type Band } from "./wording";

/** `general`: the app flagged the message as serious (reason "safety") without us knowing why. */
export type SafetyCategory = "self_harm" | "violence" | "abuse" | "weapons" | "general";

const SELF = "(?:my ?self|myself)";
const PATTERNS: [SafetyCategory, RegExp][] = [
  [
    "self_harm",
    new RegExp(
      `\\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|starve|starving|hang|hanging|end|ending|shoot|shooting) ${SELF}\\b`,
    ),
  ],
  ["self_harm", /\b(?:kms|suicidal|self[- ]?harm(?:ing)?|unalive (?:my ?self|myself)|overdos(?:e|ing) on purpose)\b/],
  [
    "self_harm",
    /\b(?:i|i'm|im|i am|i've|ive|me|my)\b[^.?!]*\bsuicide\b|\bsuicide\b[^.?!]*\b(?:i|me|my)\b(?!\s*(?:teacher|class|essay|book))/,
  ],
  [
    "self_harm",
    /\b(?:want|wanna|going|gonna|thinking about|think about|plan(?:ning)? to|ready to|trying to|feel like)\s+(?:to\s+)?(?:die|dying|end it all|end my life|not be (?:here|alive)|not wake up|disappear forever)\b/,
  ],
  [
    "self_harm",
    /\b(?:end(?:ing)? it all|end my life|no reason to live|better off dead|better off without me|don'?t want to (?:live|be alive|exist|wake up)|wish i (?:was|were) dead|hate my life and)\b/,
  ],
  [
    "abuse",
    /\b(?:dad|mom|mum|father|mother|stepdad|stepmom|step ?father|step ?mother|uncle|aunt|brother|sister|parents?|boyfriend|girlfriend|coach|teacher|grandpa|grandma|cousin|someone|he|she|they)\s+(?:keeps?\s+|always\s+)?(?:hits?|hitting|beats?|beating|hurts?|hurting|touch(?:es|ed)?|abuses?|abused|chokes?|choked|kicks?|kicked|burns?|burned|slaps?|slapped|punch(?:es|ed)?)\s+me\b/,
  ],
  [
    "abuse",
    /\b(?:i'?m|i am|im)\s+(?:being\s+)?(?:abused|bullied every day|scared to go home|not safe at home|afraid to go home)\b|\b(?:scared|afraid) (?:to go|of going) home\b|\bnot safe at home\b|\b(?:abus(?:e|es|ed|ing)|molest(?:s|ed|ing)?) me\b/,
  ],
  [
    "abuse",
    /\b(?:i'?m|i am|im)\s+(?:being\s+)?bullied\b|\bbully(?:ing)? me\b|\b(?:everyone|they) (?:keeps? )?(?:bully|bullies|bullying) me\b/,
  ],
  [
    "violence",
    /\b(?:i|i'm|im|i am|i'll|ill|gonna|going to|want to|wanna)\b[^.?!]{0,20}\b(?:shoot|stab|kill|murder|hurt|beat up|attack|bomb)\s+(?:him|her|them|someone|somebody|people|everyone|everybody|my\s+\w+|the\s+(?:teacher|class|school|kids)|that\s+\w+|this\s+\w+)\b/,
  ],
  [
    "weapons",
    /\b(?:bring|brought|bringing|take|taking|sneak)\s+(?:a\s+|my\s+)?(?:gun|knife|weapon|knives|guns|bomb)s?\s+(?:to|into)\s+(?:school|class)\b|\bhow (?:do i|to|can i|do you) (?:make|build|get|buy) (?:a |an )?(?:bomb|gun|explosive|pipe bomb|weapon|poison)\b|\bschool shooting\b.*\b(?:plan|going to|want)\b/,
  ],
];

export function detectUnsafe(message: string): SafetyCategory | null {
  const s = message.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ");
  for (const [category, re] of PATTERNS) if (re.test(s)) return category;
  return null;
}

const ADULT = "- Talk to a trusted adult today — a teacher, your school counselor, or someone in your family.";
const EMERGENCY = "- If you or someone else is in danger right now, call your local emergency number (**911** in the US).";
// Used when the school hasn't given its own help text. US services, as the default deployment is US schools.
const DEFAULT_HELP: Record<SafetyCategory, string> = {
  self_harm: [ADULT, "- In the US you can call or text **988** (Suicide & Crisis Lifeline) any time, day or night.", EMERGENCY].join("\n"),
  general: [ADULT, "- In the US you can call or text **988** (Suicide & Crisis Lifeline) any time, day or night.", EMERGENCY].join("\n"),
  abuse: [ADULT, "- In the US you can call or text the Childhelp hotline at **1-800-422-4453** any time.", EMERGENCY].join("\n"),
  violence: [
    ADULT,
    "- If anger or thoughts of hurting someone feel overwhelming, you can call or text **988** to talk to someone right away.",
    EMERGENCY,
  ].join("\n"),
  weapons: [ADULT, EMERGENCY].join("\n"),
};

export function safetyReply(category: SafetyCategory, band: Band, helpResources?: string): string {
  const opening: Record<SafetyCategory, string> = {
    self_harm: byBand(band, {
      elementary: "I'm really glad you told me. What you're feeling matters, and you don't have to deal with it alone.",
      high: "Thank you for telling me. It sounds like you're going through something really painful, and you deserve support right now — you don't have to handle this alone.",
    }),
    abuse: byBand(band, {
      elementary: "I'm really glad you told me. Nobody is allowed to hurt you, and it is not your fault.",
      high: "Thank you for telling me. No one has the right to hurt you or make you feel unsafe, and it isn't your fault.",
    }),
    violence:
      "It sounds like you're feeling really angry or upset right now. Those feelings are real, but hurting someone isn't the answer — please talk to someone who can help before anything happens.",
    general: "It sounds like something serious might be going on. You deserve support from a real person.",
    weapons: "I can't help with that. If you're worried about your safety or anyone else's, please talk to an adult you trust right away.",
  };
  // The school's own help text comes first; the emergency line is always worth repeating.
  const resources = helpResources?.trim()
    ? `${helpResources.trim()}\n\nIf you or someone else is in danger right now, call your local emergency number.`
    : DEFAULT_HELP[category];
  return [
    reasonText("safety"),
    opening[category],
    "I'm a practice tutor, so I can't help with this the way a real person can. Please reach out to someone now:",
    resources,
    byBand(band, {
      elementary: "You can come back to your schoolwork any time. 💙",
      high: "Whenever you're ready, I'm here for schoolwork too.",
    }),
  ].join("\n\n");
}
