import assert from "node:assert/strict";
import { test } from "node:test";

import { arrange, headlineWhen, renderTimeline, routeCard, whenLine } from "../../docs/assets/calculator/draw.mjs";
import { words } from "./words.mjs";

const ROOT = new URL("https://example.org/");
const ROUTE = {
  route: "dispute",
  title: "Open a dispute <now>",
  status: "check",
  status_label: "Check",
  family: "aliexpress",
  family_label: "AliExpress",
  act_by: "2026-12-10",
  closes_on: "2026-12-15",
  closes_on_latest: "2027-01-04",
  days_left: 1,
  reason: "Because.",
  next_step: "Open it.",
  guide: "refunds/disputes/",
  policy: [],
};

test("a route's days are the page's label with the dates in it", () => {
  const html = whenLine(words(), ROUTE);
  assert.match(html, /^Best by <time datetime="2026-12-10">.*<\/time> · last day <time datetime="2026-12-15">/);
  assert.match(whenLine(words(), { ...ROUTE, act_by: ROUTE.closes_on }), /^Last day <time/);
  assert.equal(whenLine(words(), { ...ROUTE, act_by: null, closes_on: null }), "");
});

test("the headline counts the days left with the label's plural form", () => {
  assert.match(headlineWhen(words(), ROUTE), /<strong>1 day left<\/strong>$/);
  assert.match(headlineWhen(words(), { ...ROUTE, days_left: 12 }), /<strong>12 days left<\/strong>$/);
  assert.equal(headlineWhen(words(), null), "");
});

test("a card escapes the engine's words and draws the check note from the labels", () => {
  const card = routeCard(words(), ROOT, ROUTE, null);
  const parts = Object.fromEntries(card.parts);
  assert.equal(parts.title, "<h3>Open a dispute &lt;now&gt;</h3>");
  assert.match(parts.check, /<strong>Check\.<\/strong> The last day is between <time datetime="2026-12-15">/);
  assert.match(parts.step, /href="https:\/\/example.org\/refunds\/disputes\/" aria-label="How this works: Open a dispute &lt;now&gt;">How this works<\/a>/);
  assert.equal(card.data.closesOn, "2026-12-15");
  assert.equal(parts.why, undefined);
});

test("the timeline puts today among the events, in date order", () => {
  const events = [
    { date: "2026-12-01", kind: "shipped", label: "Shipped" },
    { date: "2026-12-15", kind: "closes", label: "Last day", route: "dispute" },
  ];
  const items = renderTimeline(words(), events, "2026-12-04");
  assert.deepEqual(
    items.map(([key]) => key),
    ["2026-12-01|shipped|", "today", "2026-12-15|closes|dispute"],
  );
  assert.match(items[1][1], /<span>Today<\/span>/);
});

test("routes that do not apply are folded away in their family", () => {
  const families = arrange([ROUTE, { ...ROUTE, route: "paypal", status: "not_applicable" }]);
  assert.equal(families.length, 1);
  assert.deepEqual(families[0].folded.map((r) => r.route), ["paypal"]);
});
