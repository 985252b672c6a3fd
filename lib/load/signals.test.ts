import { describe, expect, it } from "vitest";
import { circuitState, outcomeForStatus } from "./signals";

describe("outcomeForStatus", () => {
  it.each([
    [200, "ok"],
    [429, "rate_limited"],
    [529, "overloaded"],
    [500, "server_error"],
    [503, "server_error"],
    [504, "timeout"],
    [400, "bad_request"],
    [413, "bad_request"],
    [401, "auth"],
  ] as const)("%i → %s", (status, kind) => {
    expect(outcomeForStatus(status)).toBe(kind);
  });
  it("no status is a transport failure", () => {
    expect(outcomeForStatus(null)).toBe("network");
    expect(outcomeForStatus(null, "timeout")).toBe("timeout");
  });
});

describe("circuitState", () => {
  it("is closed when never opened, open during the cool-down, then half-open", () => {
    expect(circuitState(0, 10_000, 5_000)).toBe("closed");
    expect(circuitState(10_000, 14_999, 5_000)).toBe("open");
    expect(circuitState(10_000, 15_000, 5_000)).toBe("half_open");
  });
});
