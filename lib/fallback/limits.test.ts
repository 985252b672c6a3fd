import { describe, expect, it } from "vitest";
import { cantHelp, whenBack } from "./limits";

const NOW = Date.parse("2030-01-01T10:00:00Z");

describe("whenBack", () => {
  it("uses the budget reset time when known", () => {
    expect(whenBack({ reason: "budget_exhausted", resetAt: NOW + 25 * 60_000 }, NOW)).toBe(
      "Your tutor budget refills in about 25 minutes.",
    );
    expect(whenBack({ reason: "peak_load", resetAt: NOW + 3 * 3_600_000 }, NOW)).toBe("Full AI help should be back in about 3 hours.");
    expect(whenBack({ reason: "budget_exhausted", resetAt: NOW - 1 }, NOW)).toBe("Your tutor budget refills any moment now.");
  });

  it("falls back to the load level or the reason", () => {
    expect(whenBack({ reason: "peak_load", loadLevel: "OVERLOADED" }, NOW)).toMatch(/within a few minutes/);
    expect(whenBack({ reason: "busy", loadLevel: "BUSY" }, NOW)).toMatch(/back soon/);
    expect(whenBack({ reason: "upstream_error" }, NOW)).toMatch(/a minute or two/);
    expect(whenBack({ reason: "budget_exhausted" }, NOW)).toMatch(/when your tutor budget refills/);
    expect(whenBack({ reason: "offline", resetAt: NOW + 60_000 }, NOW)).toMatch(/isn't switched on/);
  });
});

describe("cantHelp", () => {
  it("says what went wrong, what to try, and when help is back", () => {
    const text = cantHelp("I couldn't read that.", ["Write it with symbols."], { reason: "busy" });
    expect(text).toMatch(/^I couldn't read that\.\n\n\*\*You could try:\*\*\n- Write it with symbols\.\n\n.*back soon/s);
  });
});
