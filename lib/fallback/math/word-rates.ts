// Word problems about rates: distance–speed–time, unit prices, scaling a recipe, "how many per".
import { fmt } from "./engine";
import { amountOf, make, MONEY, N, type Template } from "./word-common";

export const speed: Template = (s, band) => {
  const rate = s.match(
    new RegExp(`${N}\\s*(mph|km/h|kph|miles? (?:an|per) hour|(?:km|kilomet(?:er|re)s?) (?:an|per) hour|m/s|met(?:er|re)s? per second)`),
  );
  const time = s.match(new RegExp(`${N}\\s*(hours?|hrs?|minutes?|mins?|seconds?)`));
  const dist = s.match(new RegExp(`${N}\\s*(miles?|km|kilomet(?:er|re)s?|met(?:er|re)s?)\\b(?! (?:an|per) )`));
  const distUnit = (u: string) => (/mi|mph/.test(u) ? "miles" : /^m\/s|^met/.test(u) ? "meters" : "km");
  if (rate && time && /how far|distance|how many (miles|km|kilomet|met)/.test(s)) {
    const hours = inRateTime(Number(time[1]), time[2], rate[2]);
    const d = Number(rate[1]) * hours;
    return make(s, band, {
      kind: "distance–speed–time",
      plan: `Distance = speed × time, with the time in the same units as the speed${hours !== Number(time[1]) ? ` (${time[1]} ${time[2]} = ${fmt(hours, 4)} ${/m\/s|second/.test(rate[2]) ? "seconds" : "hours"})` : ""}.`,
      steps: [`$${rate[1]} \\times ${fmt(hours, 4)} = ${fmt(d)}$`],
      value: d,
      unit: distUnit(rate[2]),
    });
  }
  if (rate && dist && /how long|how much time|how many (hours|minutes)/.test(s)) {
    const t = Number(dist[1]) / Number(rate[1]);
    return make(s, band, {
      kind: "distance–speed–time",
      plan: "Time = distance ÷ speed.",
      steps: [`$${dist[1]} \\div ${rate[1]} = ${fmt(t, 4)}$`],
      value: t,
      unit: /m\/s|second/.test(rate[2]) ? "seconds" : "hours",
    });
  }
  if (dist && time && /how fast|speed|per hour|mph/.test(s) && !rate) {
    const v = Number(dist[1]) / Number(time[1]);
    const unit = `${distUnit(dist[2])} per ${time[2].replace(/s$/, "").replace(/^hr$/, "hour")}`;
    return make(s, band, {
      kind: "distance–speed–time",
      plan: "Speed = distance ÷ time.",
      steps: [`$${dist[1]} \\div ${time[1]} = ${fmt(v, 4)}$`],
      value: v,
      unit,
    });
  }
  return null;
};

/** A time in the rate's own time unit: 30 minutes is 0.5 for a speed in mph, 1800 for one in m/s. */
function inRateTime(t: number, unit: string, rateUnit: string): number {
  if (/m\/s|second/.test(rateUnit)) return /min/.test(unit) ? t * 60 : /h/.test(unit) ? t * 3600 : t;
  return /min/.test(unit) ? t / 60 : /sec/.test(unit) ? t / 3600 : t;
}

export const unitPrice: Template = (s, band) => {
  const each =
    s.match(new RegExp(`${N}\\s*(?:each|apiece|per (?:item|ticket|person|one|[a-z]+))`)) ??
    s.match(new RegExp(`(?:each|a|one|1) [a-z]+ (?:costs?|is|sells for) ${N}`));
  const count =
    s.match(new RegExp(`(?:buys?|bought|buying|for|get|order(?:s|ed)?|needs?|wants?|of)\\s+${N}\\s+[a-z]+`)) ??
    s.match(new RegExp(`${N}\\s+[a-z]+(?: tickets?| items?)?[^.?]*\\b(?:cost|will cost|would cost)\\b`));
  if (each && count && Number(count[1]) !== Number(each[1])) {
    const total = Number(each[1]) * Number(count[1]);
    return make(s, band, {
      kind: "multiplication",
      plan: "Each one costs the same, so multiply the price of one by how many.",
      steps: [`$${each[1]} \\times ${count[1]} = ${fmt(total)}$`],
      value: total,
    });
  }
  const group = s.match(new RegExp(`${N}\\s+([a-z]+?)s?\\s+(?:cost|costs|for|are)\\s+${N}`));
  const ask = s.match(new RegExp(`(?:how much (?:would|will|do|does|for|to buy)|cost of|price of)[^\\d]*${N}`));
  if (group && ask && MONEY.test(s)) {
    const one = Number(group[3]) / Number(group[1]);
    const total = one * Number(ask[1]);
    return make(s, band, {
      kind: "unit-price",
      plan: "Find the price of one first (divide), then multiply by how many you want.",
      steps: [`One costs $${group[3]} \\div ${group[1]} = ${fmt(one, 4)}$.`, `$${fmt(one, 4)} \\times ${ask[1]} = ${fmt(total, 4)}$`],
      value: total,
    });
  }
  return null;
};

/** "3 eggs for 12 cookies — how many eggs for 36 cookies?": scale the known pair. */
export const proportion: Template = (s, band) => {
  const pair = s.match(
    new RegExp(`${N}\\s+([a-z]+)\\s+(?:for|per|makes?|to make|in|every|will make|can make)\\s+(?:every\\s+)?${N}\\s+([a-z]+)`),
  );
  const ask = s.match(new RegExp(`how (?:many|much)\\s+([a-z]+)[^\\d?]*?${N}\\s+([a-z]+)`));
  if (!pair || !ask) return null;
  const stem = (w: string) => w.slice(0, 4);
  const [a, unitA, b, unitB] = [Number(pair[1]), pair[2], Number(pair[3]), pair[4]];
  const k = Number(ask[2]);
  if (a === 0 || b === 0) return null;
  // Asked for the first unit given the second (eggs for 36 cookies), or the other way round.
  if (stem(ask[1]) === stem(unitA) && stem(ask[3]) === stem(unitB)) {
    const value = (a / b) * k;
    return make(s, band, {
      kind: "proportion",
      plan: `Find how many ${unitA} for one ${unitB.replace(/s$/, "")} (or spot the scale factor), then scale up.`,
      steps: [`Scale factor: $${k} \\div ${b} = ${fmt(k / b, 4)}$.`, `$${a} \\times ${fmt(k / b, 4)} = ${fmt(value, 4)}$`],
      value,
      unit: unitA,
    });
  }
  if (stem(ask[1]) === stem(unitB) && stem(ask[3]) === stem(unitA)) {
    const value = (b / a) * k;
    return make(s, band, {
      kind: "proportion",
      plan: `Find how many ${unitB} for one ${unitA.replace(/s$/, "")} (or spot the scale factor), then scale up.`,
      steps: [`Scale factor: $${k} \\div ${a} = ${fmt(k / a, 4)}$.`, `$${b} \\times ${fmt(k / a, 4)} = ${fmt(value, 4)}$`],
      value,
      unit: unitB,
    });
  }
  return null;
};

/** "how many miles per gallon", "how many students at each table": divide one amount by the other. */
export const rate: Template = (s, band) => {
  const m = s.match(
    /how (?:many|much) ([a-z]+) (?:per|a|an|for every|at each|in each|on each|for each|does each|do each|will each|each) ([a-z]+)/,
  );
  if (!m) return null;
  const top = amountOf(s, m[1]);
  const bottom = amountOf(s, m[2]);
  if (top === null || bottom === null || bottom === 0 || top === bottom) return null;
  const value = top / bottom;
  return make(s, band, {
    kind: "unit-rate",
    plan: `"How many ${m[1]} per ${m[2]}" means dividing the ${m[1]} by the ${m[2]}.`,
    steps: [`$${fmt(top)} \\div ${fmt(bottom)} = ${fmt(value, 4)}$`],
    value,
  });
};
