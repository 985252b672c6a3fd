// Roster CSV → validated rows, or a list of problems by line number. Pure: the checks against the
// database (existing accounts, class names) come after, in lib/db/admin-roster.ts.
import Papa from "papaparse";
import { z } from "zod";

export const ROSTER_COLUMNS = ["email", "name", "role", "grade", "class", "password"] as const;
const REQUIRED = ["email", "name"] as const;
/** Each new account's password is hashed with bcrypt (~0.1 s), so one file stays well under a minute. */
export const MAX_ROSTER_ROWS = 500;

export interface RosterRow {
  line: number;
  email: string;
  name: string;
  role: "STUDENT" | "TEACHER";
  gradeLevel: number | null;
  className: string | null;
  password: string | null;
}

export interface LineError {
  line: number;
  message: string;
}

const emailSchema = z.email();

function parseGrade(raw: string): number | null | "invalid" {
  const v = raw.trim().toUpperCase();
  if (v === "") return null;
  if (v === "K") return 0;
  return /^\d{1,2}$/.test(v) && Number(v) <= 12 ? Number(v) : "invalid";
}

function checkRow(line: number, cells: Record<string, string>): RosterRow | LineError[] {
  const problems: string[] = [];
  const email = (cells.email ?? "").trim().toLowerCase();
  const name = (cells.name ?? "").trim();
  const role = (cells.role ?? "").trim().toLowerCase() || "student";
  const grade = parseGrade(cells.grade ?? "");
  const className = (cells.class ?? "").trim() || null;
  const password = cells.password ?? "";
  if (!email) problems.push("email is missing");
  else if (email.length > 254 || !emailSchema.safeParse(email).success) problems.push(`"${email.slice(0, 60)}" is not an email address`);
  if (!name) problems.push("name is missing");
  else if (name.length > 100) problems.push("name is longer than 100 characters");
  if (role !== "student" && role !== "teacher") problems.push(`role must be "student" or "teacher", not "${role.slice(0, 20)}"`);
  if (grade === "invalid") problems.push(`grade must be K or a number from 0 to 12, not "${(cells.grade ?? "").trim().slice(0, 10)}"`);
  if (className && className.length > 100) problems.push("class name is longer than 100 characters");
  if (password && (password.length < 8 || password.length > 200)) problems.push("password must be 8 to 200 characters (or leave it empty to generate one)");
  if (problems.length) return problems.map((message) => ({ line, message }));
  return { line, email, name, role: role === "teacher" ? "TEACHER" : "STUDENT", gradeLevel: grade === "invalid" ? null : grade, className, password: password || null };
}

export function parseRoster(csv: string): { rows: RosterRow[]; errors: LineError[] } {
  const text = csv.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const records: { line: number; cells: string[]; error?: string }[] = [];
  let cursor = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    header: false,
    step: (r) => {
      const end = r.meta.cursor;
      records.push({ line, cells: r.data, error: r.errors[0]?.message });
      for (let i = cursor; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      cursor = end;
    },
  });

  const [head, ...body] = records;
  const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => h && !(ROSTER_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (!head || missing.length || unknown.length) {
    const parts = [missing.length && `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`, unknown.length && `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}`].filter(Boolean);
    return { rows: [], errors: [{ line: 1, message: `The first line must name the columns (${ROSTER_COLUMNS.join(", ")}; email and name required): ${parts.join("; ") || "it is empty"}.` }] };
  }

  const data = body.filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ""));
  if (data.length === 0) return { rows: [], errors: [{ line: 2, message: "The roster has no rows under its header." }] };
  if (data.length > MAX_ROSTER_ROWS) return { rows: [], errors: [{ line: 1, message: `The roster has ${data.length} rows; import at most ${MAX_ROSTER_ROWS} at a time.` }] };

  const rows: RosterRow[] = [];
  const errors: LineError[] = [];
  const firstLine = new Map<string, number>();
  for (const r of data) {
    if (r.error) {
      errors.push({ line: r.line, message: `this line can't be read as CSV (${r.error.toLowerCase()})` });
      continue;
    }
    if (r.cells.length !== header.length) {
      errors.push({ line: r.line, message: `expected ${header.length} fields (${header.join(", ")}) but found ${r.cells.length}` });
      continue;
    }
    const checked = checkRow(r.line, Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? ""])));
    if (Array.isArray(checked)) {
      errors.push(...checked);
      continue;
    }
    const seen = firstLine.get(checked.email);
    if (seen) errors.push({ line: r.line, message: `${checked.email} is also on line ${seen}` });
    else firstLine.set(checked.email, r.line);
    rows.push(checked);
  }
  return { rows, errors };
}
