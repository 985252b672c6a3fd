// Test-only: a webhook endpoint on 127.0.0.1 that keeps every delivery with its signature headers,
// for the alert tests (integration and e2e) to verify what was sent.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./webhook";

export interface WebhookDelivery {
  body: string;
  timestamp: number;
  signature: string;
}

/** Deliveries are appended to `hooks` (pass an array the caller already holds, or get a new one). */
export async function startWebhookReceiver(hooks: WebhookDelivery[] = []): Promise<{ url: string; hooks: WebhookDelivery[]; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hooks.push({ body, timestamp: Number(req.headers[TIMESTAMP_HEADER]), signature: String(req.headers[SIGNATURE_HEADER]) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    hooks,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
