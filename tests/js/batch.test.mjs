import assert from "node:assert/strict";
import { test } from "node:test";

import { COLUMNS, doneText, errorsHTML, headHTML, sortedRows } from "../../docs/assets/calculator/batch.mjs";
import { words } from "./words.mjs";

const ROWS = [
  { rank: 1, line: 2, order_id: "A10", status: "open", days_left: 3 },
  { rank: 2, line: 3, order_id: "A9", status: "closed", days_left: null },
  { rank: 3, line: 4, order_id: "A2", status: "open", days_left: 1 },
];

test("the headings are the page's labels, one per column", () => {
  const head = headHTML(words(), "rank", true);
  assert.equal((head.match(/<th /g) ?? []).length, COLUMNS.length);
  assert.match(head, /aria-sort="ascending"><button type="button" data-sort="rank">Urgency<\/button>/);
});

test("rows sort by value, numbers in text by their value, empty cells last", () => {
  const byOrder = sortedRows(words(), ROWS, { status: "", key: "order_id", ascending: true });
  assert.deepEqual(byOrder.map((r) => r.order_id), ["A2", "A9", "A10"]);
  const byDays = sortedRows(words(), ROWS, { status: "", key: "days_left", ascending: true });
  assert.deepEqual(byDays.map((r) => r.order_id), ["A2", "A10", "A9"]);
  const open = sortedRows(words(), ROWS, { status: "open", key: "rank", ascending: true });
  assert.deepEqual(open.map((r) => r.order_id), ["A10", "A2"]);
});

test("the status line counts orders and refused lines with their plural forms", () => {
  assert.equal(doneText(words(), 1, 0), "1 order checked.");
  assert.equal(doneText(words(), 2500, 2), "2,500 orders checked. 2 lines refused (listed below).");
});

test("a refused line's message is escaped", () => {
  const html = errorsHTML(words(), [{ line: 7, order_id: "<b>", field: "order_date", message: "=cmd()" }]);
  assert.equal(html, '<li data-line="7" data-field="order_date">Line 7 (&lt;b&gt;): =cmd()</li>');
});
