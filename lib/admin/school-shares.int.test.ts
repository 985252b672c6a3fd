// The governor port enforces each school's live share of the key (School.keyShare through the
// briefly cached source), on real Redis and the embedded store.
import { afterAll, describe, expect, it } from "vitest";
import { testBackends, uniquePrefix } from "@/lib/governor/test-backends";
import { createGovernorPort } from "@/lib/tutor/governor-port";

const backends = await testBackends();
const HUGE = 10_000_000;

describe.each(backends)("school shares in the governor on $name", (backend) => {
  afterAll(() => backend.close());

  it("caps a school at its share of RPM and applies a changed share to the next admission", async () => {
    const prefix = uniquePrefix("shares");
    let shares: Record<string, number> = { small: 0.25 };
    const port = createGovernorPort({
      redis: backend.connect(),
      // 20 RPM × 0.95 margin = 19 at once; a quarter of that is 4 whole requests for "small".
      governor: { prefix: `${prefix}:gov`, limits: { rpm: 20, itpm: HUGE, otpm: HUGE } },
      load: { prefix: `${prefix}:load` },
      maxWaitMs: 150,
      schoolShares: async () => shares,
    });
    const ask = (schoolId: string) => port.admit({ estInputTokens: 10, maxOutputTokens: 10, priority: 1, schoolId, onQueued: () => undefined });

    const small = [];
    for (let i = 0; i < 5; i++) small.push(await ask("small"));
    expect(small.map((r) => r.admitted)).toEqual([true, true, true, true, false]);
    expect(small[4]).toMatchObject({ admitted: false, reason: "queue_timeout" });
    // Other schools still get the rest of the key.
    expect((await ask("big")).admitted).toBe(true);

    shares = {};
    expect((await ask("small")).admitted).toBe(true);
  });
});
