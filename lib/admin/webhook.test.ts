import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { sendWebhook, signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from "./webhook";

describe("webhook signatures", () => {
  const secret = "s3cret";
  const body = JSON.stringify({ kind: "monthly_cap" });

  it("is HMAC-SHA256 over timestamp.body", () => {
    // echo -n '1700000000000.{"kind":"monthly_cap"}' | openssl dgst -sha256 -hmac s3cret
    expect(signWebhook({ secret, timestamp: 1_700_000_000_000, body })).toBe("sha256=5353db7ab9d884ebf0e7e8d40d0086e0e77f3137ae026fd1ccf565fe08316f9f");
    expect(signWebhook({ secret, timestamp: 1, body })).not.toBe(signWebhook({ secret, timestamp: 2, body }));
  });

  it("verifies its own signature and refuses tampering, other secrets and stale timestamps", () => {
    const timestamp = Date.now();
    const signature = signWebhook({ secret, timestamp, body });
    expect(verifyWebhook({ secret, timestamp, body, signature })).toBe(true);
    expect(verifyWebhook({ secret, timestamp, body: body + " ", signature })).toBe(false);
    expect(verifyWebhook({ secret: "other", timestamp, body, signature })).toBe(false);
    expect(verifyWebhook({ secret, timestamp, body, signature, now: timestamp + 10 * 60_000 })).toBe(false);
  });
});

describe("sendWebhook", () => {
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  let status = 204;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  const listening = new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)));
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("posts a body the receiver can verify", async () => {
    const url = await listening;
    expect(await sendWebhook({ url, secret: "k", payload: { hello: "world" } })).toEqual({ ok: true, status: 204 });
    const got = received.at(-1)!;
    expect(JSON.parse(got.body)).toEqual({ hello: "world" });
    expect(verifyWebhook({ secret: "k", timestamp: Number(got.headers[TIMESTAMP_HEADER]), body: got.body, signature: String(got.headers[SIGNATURE_HEADER]) })).toBe(true);
  });

  it("reports failures instead of throwing", async () => {
    status = 500;
    expect(await sendWebhook({ url: await listening, secret: "k", payload: {} })).toEqual({ ok: false, status: 500 });
    expect(await sendWebhook({ url: "http://127.0.0.1:1/nothing", secret: "k", payload: {} })).toEqual({ ok: false, status: null });
  });
});
