// Request bodies and query parameters of the admin API, with messages an admin can act on.
// (Budget policies have their own file: policy-input.ts.)
import { z } from "zod";
import { AppError } from "@/lib/errors";

const id = z.string({ error: "An id is required." }).min(1, "An id is required.").max(64, "That id is too long.");
const schoolId = id.optional();
const name = (what: string, max = 100) => z.string({ error: `${what} is required.` }).trim().min(1, `${what} can't be empty.`).max(max, `${what} can't be longer than ${max} characters.`);
const grade = z.number({ error: "The grade must be a number from 0 (kindergarten) to 12." }).int("The grade must be a whole number.").min(0, "The grade can't be below 0 (kindergarten).").max(12, "The grade can't be above 12.");
const password = z.string({ error: "The password must be text." }).min(8, "The password must be at least 8 characters.").max(200, "The password can't be longer than 200 characters.");

export const keyShareSchema = z
  .number({ error: "The share of the key must be a number between 0.01 and 1." })
  .min(0.01, "A school's share of the key must be at least 0.01 (1 %); leave it empty for no cap.")
  .max(1, "A school's share of the key can't be more than 1 (100 %).")
  .nullable();

export const createSchoolSchema = z.strictObject({
  slug: z.string({ error: "A short name (slug) is required." }).regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, "The short name may use lowercase letters, digits and dashes (up to 40)."),
  name: name("The school's name"),
  timezone: z.string().max(64).optional(),
  keyShare: keyShareSchema.optional(),
});

export const newSchoolSchema = createSchoolSchema.extend({
  /** The school's first admin; their password is generated and returned once. */
  admin: z.strictObject({ email: z.email("The admin's email address isn't valid.").max(254).transform((e) => e.toLowerCase()), name: name("The admin's name") }).optional(),
});

export const updateSchoolSchema = createSchoolSchema.partial();

export const settingsSchema = z.strictObject({
  schoolId,
  transcriptRetentionDays: z
    .number({ error: "The retention period must be a number of days." })
    .int("The retention period must be a whole number of days.")
    .min(1, "Keep transcripts at least 1 day, or leave it empty to keep them.")
    .max(3_650, "The retention period can't be more than 3,650 days (10 years).")
    .nullable()
    .optional(),
  alertWebhookUrl: z
    .url({ protocol: /^https?$/, error: "The webhook must be an http(s) URL." })
    .max(500, "The webhook URL can't be longer than 500 characters.")
    .nullable()
    .optional(),
  rotateWebhookSecret: z.boolean().optional(),
});

export const classSchema = z.strictObject({
  schoolId,
  name: name("The class name"),
  subject: z.string().trim().max(60, "The subject can't be longer than 60 characters.").nullable().optional(),
  gradeLevel: grade.nullable().optional(),
  teacherIds: z.array(id).max(20, "A class can have at most 20 teachers.").optional(),
});

export const updateClassSchema = classSchema.omit({ schoolId: true }).partial();

export const updateUserSchema = z
  .strictObject({ name: name("The name").optional(), gradeLevel: grade.nullable().optional(), active: z.boolean({ error: "active must be true or false." }).optional() })
  .refine((v) => Object.keys(v).length > 0, "Nothing to change: send name, gradeLevel or active.");

export const resetPasswordSchema = z.strictObject({ password: password.optional() });

export const rosterSchema = z.strictObject({ schoolId, csv: z.string({ error: "Send the roster as CSV text (csv)." }).min(1, "The roster is empty.") });

const perMTok = (what: string) => z.number({ error: `The ${what} price must be a number of dollars per million tokens.` }).min(0, `The ${what} price can't be negative.`).max(1_000, `The ${what} price can't be more than $1,000 per million tokens.`);

export const priceSchema = z.strictObject({
  model: z.string({ error: "Name the model." }).trim().regex(/^[a-z0-9][a-z0-9.-]{1,99}$/i, "A model id uses letters, digits, dots and dashes, e.g. claude-sonnet-5."),
  inputPerMTok: perMTok("input"),
  outputPerMTok: perMTok("output"),
});

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "YYYY-MM" query parameters → [from, to) in UTC; by default the last three months including this one. */
export function monthRangeOrThrow(fromParam: string | null, toParam: string | null, now = new Date()): { from: Date; to: Date } {
  for (const [k, v] of [["from", fromParam], ["to", toParam]] as const) {
    if (v !== null && !MONTH.test(v)) throw new AppError("bad_request:reports", `${k} must be a month like 2026-09.`);
  }
  const month = (v: string) => new Date(`${v}-01T00:00:00Z`);
  const to = toParam ? month(toParam) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const end = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() + 1, 1));
  const from = fromParam ? month(fromParam) : new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 2, 1));
  if (from >= end) throw new AppError("bad_request:reports", "from must be the same month as to or earlier.");
  if (end.getTime() - from.getTime() > 370 * 86_400_000) throw new AppError("bad_request:reports", "Report at most 12 months at a time.");
  return { from, to: end };
}
