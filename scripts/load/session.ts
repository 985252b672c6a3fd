// Signing students in as a browser does, through Auth.js's HTTP API: GET /api/auth/csrf (sets the
// CSRF cookie), then POST the credentials form to /api/auth/callback/credentials with that cookie.
// The session cookie that comes back is reused for every later request (and for the baseline run:
// both app instances share AUTH_SECRET, so the JWT is valid on either).

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /;\s*max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  has(fragment: string): boolean {
    return [...this.cookies.keys()].some((k) => k.includes(fragment));
  }
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(30_000) });
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
    signal: AbortSignal.timeout(30_000),
  });
  jar.store(res);
  await res.arrayBuffer().catch(() => undefined);
  if (!jar.has("session-token")) {
    // Auth.js reports failures in the redirect, e.g. /login?error=CredentialsSignin&code=rate_limited.
    throw new Error(`sign-in failed for ${email}: HTTP ${res.status} ${res.headers.get("location") ?? ""}`);
  }
  return jar;
}

/**
 * Signs everyone in with a few requests at a time (bcrypt makes each sign-in ~0.1 s of server CPU,
 * so more concurrency only queues). One retry per student for a transient failure.
 */
export async function signInAll(baseUrl: string, emails: string[], password: string, concurrency = 4): Promise<{ jars: CookieJar[]; ms: number }> {
  const started = performance.now();
  const jars: CookieJar[] = new Array(emails.length);
  let next = 0;
  const worker = async () => {
    while (next < emails.length) {
      const i = next++;
      jars[i] = await signIn(baseUrl, emails[i]!, password).catch(() => signIn(baseUrl, emails[i]!, password));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, emails.length) }, worker));
  return { jars, ms: performance.now() - started };
}

/** The driver's SendTurn over HTTP: POST /api/tutor with the student's session cookie. */
export function httpSender(baseUrl: string, jars: CookieJar[]) {
  return (student: number, body: { message: string; conversationId?: string }, signal: AbortSignal) =>
    fetch(`${baseUrl}/api/tutor`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: jars[student]!.header(), accept: "text/event-stream" },
      body: JSON.stringify(body),
      signal,
    });
}
