import assert from "node:assert/strict";
import { test } from "node:test";

import { fragmentFor, isFormFragment, localToday, valuesFromFragment } from "../../docs/assets/calculator/form.mjs";

const NAMES = ["order-date", "shipped", "today", "free-return"];

test("a share link carries the filled fields alone, in the table's order", () => {
  const fields = { "order-date": "2026-11-01", shipped: "2026-11-03", today: "2026-12-04", "free-return": "" };
  assert.equal(fragmentFor(fields, NAMES, new Set(["shipped", "order-date"])), "#order-date=2026-11-01&shipped=2026-11-03");
  assert.equal(fragmentFor(fields, NAMES, new Set()), "");
});

test("an old link that lists every field, the empty ones too, still opens its values", () => {
  const hash = "#order-date=2026-11-01&shipped=&today=&free-return=";
  assert.ok(isFormFragment(hash, NAMES));
  assert.deepEqual(valuesFromFragment(hash, NAMES), {
    "order-date": "2026-11-01",
    shipped: "",
    today: "",
    "free-return": "",
  });
});

test("a heading's anchor is no form's link", () => {
  assert.equal(isFormFragment("#reading-the-answer", NAMES), false);
});

test("a link opens the same values in every language: values are never words", () => {
  const hash = "#order-date=2026-11-01&free-return=true";
  assert.equal(valuesFromFragment(hash, NAMES)["free-return"], "true");
});

test("today is the reader's own date", () => {
  assert.equal(localToday(new Date(2026, 0, 5)), "2026-01-05");
});
