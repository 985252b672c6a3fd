// The wrapper every route handler goes through: session → role → parsed input → handler → envelope.
// Handlers stay a short list of steps; nothing here knows about any one resource.
import type { z } from "zod";
import { auth } from "@/lib/auth/config";
import type { Role, SessionUser } from "@/lib/auth/roles";
import { AppError, toResponse } from "@/lib/errors";

/** Bodies are small JSON documents; anything larger is refused before it is read. */
const MAX_BODY_BYTES = 256 * 1024;

interface Ctx<B, P> {
  req: Request;
  user: SessionUser;
  body: B;
  params: P;
}

interface RouteOptions<B> {
  /** The `surface` half of error codes, e.g. "tutor" → "forbidden:tutor". */
  surface: string;
  roles: readonly Role[];
  body?: z.ZodType<B>;
}

export function route<B = undefined, P = Record<string, string>>(
  opts: RouteOptions<B>,
  handler: (ctx: Ctx<B, P>) => Promise<Response>,
) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await requireUser(opts.surface, opts.roles);
      const body = opts.body ? await parseBody(req, opts.body, opts.surface) : (undefined as B);
      const params = context?.params ? await context.params : ({} as P);
      return await handler({ req, user, body, params });
    } catch (err) {
      return toResponse(err);
    }
  };
}

export async function requireUser(surface: string, roles: readonly Role[]): Promise<SessionUser> {
  const session = await auth();
  const u = session?.user;
  if (!u?.id) throw new AppError(`unauthorized:${surface}`);
  if (!roles.includes(u.role)) throw new AppError(`forbidden:${surface}`);
  return { id: u.id, role: u.role, schoolId: u.schoolId, name: u.name ?? "", email: u.email ?? "" };
}

/** Throws 403 unless the user belongs to the school that owns the data (super-admins span schools). */
export function assertSchool(user: SessionUser, schoolId: string | null | undefined, surface: string) {
  if (user.role === "SUPER_ADMIN") return;
  if (!schoolId || user.schoolId !== schoolId) throw new AppError(`forbidden:${surface}`);
}

async function parseBody<B>(req: Request, schema: z.ZodType<B>, surface: string): Promise<B> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError(`payload_too_large:${surface}`);
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError(`payload_too_large:${surface}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(`bad_request:${surface}`, "The request body must be valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    throw new AppError(`bad_request:${surface}`, `${where}${issue?.message ?? "invalid input"}`);
  }
  return parsed.data;
}
