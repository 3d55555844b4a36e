// The batch panel: many orders at once, as a table the reader can sort and filter.

import { escapeHTML } from "./html.mjs";
import { OP } from "./protocol.mjs";

/** The table's columns, by the batch's JSON key; each heading is the label `column_<key>`. */
export const COLUMNS = [
  "rank",
  "order_id",
  "line",
  "title",
  "closes_on",
  "days_left",
  "act_by",
  "status",
  "family",
  "dispute_stage",
  "fallback_title",
  "fallback_closes_on",
  "next_step",
];
const DATES = new Set(["closes_on", "act_by", "fallback_closes_on"]);
const WORDED = { status: "status_label", family: "family_label", dispute_stage: "dispute_stage_label" };
export const PAGE_ROWS = 200;
// Refused rows listed at most; the rest are counted (the CSV download has them all).
export const ERRORS_SHOWN = 100;

export function compareValues(words, a, b) {
  const empty = (v) => v === null || v === undefined || v === "";
  if (empty(a) || empty(b)) return empty(a) - empty(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  return words.compare(a, b);
}

/** The rows with `status` (all when ""), sorted by `key`; rank ascending is the engine's order. */
export function sortedRows(words, rows, { status, key, ascending }) {
  const wanted = status ? rows.filter((row) => row.status === status) : rows;
  if (key === "rank" && ascending) return wanted;
  const sign = ascending ? 1 : -1;
  return wanted
    .map((row, index) => [row, index])
    .sort(([a, i], [b, j]) => sign * compareValues(words, a[key], b[key]) || i - j)
    .map(([row]) => row);
}

export function cellHTML(words, row, key) {
  const value = row[key];
  if (value === null || value === undefined) return "";
  if (DATES.has(key)) return words.date(value);
  if (key in WORDED) return escapeHTML(row[WORDED[key]]);
  return escapeHTML(value);
}

export function headHTML(words, sortKey, ascending) {
  const headers = COLUMNS.map((key) => {
    const aria = sortKey === key ? ` aria-sort="${ascending ? "ascending" : "descending"}"` : "";
    return `<th scope="col"${aria}><button type="button" data-sort="${key}">${words.html(`column_${key}`)}</button></th>`;
  }).join("");
  return `<tr>${headers}</tr>`;
}

export function rowsHTML(words, rows) {
  return rows
    .map((row) => `<tr data-line="${escapeHTML(row.line)}">${COLUMNS.map((key) => `<td>${cellHTML(words, row, key)}</td>`).join("")}</tr>`)
    .join("");
}

export function errorsHTML(words, errors) {
  return errors
    .slice(0, ERRORS_SHOWN)
    .map((e) => {
      const values = { line: escapeHTML(e.line), order: escapeHTML(e.order_id), message: escapeHTML(e.message) };
      const text = words.html(e.order_id ? "batch_error_order" : "batch_error", values);
      return `<li data-line="${escapeHTML(e.line)}" data-field="${escapeHTML(e.field)}">${text}</li>`;
    })
    .join("");
}

/** "N orders checked." and, when some were refused, "M lines refused (listed below)." */
export function doneText(words, rows, errors) {
  const checked = words.count("batch_checked", rows);
  return errors ? `${checked} ${words.count("batch_refused", errors)}` : checked;
}

/** The filter's options: every status, then the statuses this batch has, in the engine's order. */
export function filterHTML(words, rows) {
  const statuses = [...new Set(rows.map((row) => row.status))];
  return (
    `<option value="">${words.html("batch_every_status", { n: escapeHTML(words.number(rows.length)) })}</option>` +
    statuses
      .map((status) => {
        const these = rows.filter((row) => row.status === status);
        const text = words.html("batch_status_option", {
          status: escapeHTML(these[0].status_label),
          n: escapeHTML(words.number(these.length)),
        });
        return `<option value="${escapeHTML(status)}">${text}</option>`;
      })
      .join("")
  );
}

/**
 * The panel on a page. `page` gives ask(message, onProgress), today(), download(name,
 * text, type) and running(delta), which counts batches under way.
 */
export class Batch {
  constructor(doc, words, page) {
    this.doc = doc;
    this.words = words;
    this.page = page;
    this.rows = [];
    this.csv = "";
    this.sortKey = "rank";
    this.ascending = true;
    this.shown = PAGE_ROWS;
  }

  $(id) {
    return this.doc.getElementById(id);
  }

  drawTable() {
    const table = this.$("batch-table");
    table.tHead.innerHTML = headHTML(this.words, this.sortKey, this.ascending);
    const rows = sortedRows(this.words, this.rows, {
      status: this.$("batch-filter").value,
      key: this.sortKey,
      ascending: this.ascending,
    });
    const shown = rows.slice(0, this.shown);
    table.tBodies[0].innerHTML = rowsHTML(this.words, shown);
    this.$("batch-more").hidden = rows.length <= this.shown;
    this.$("batch-more").textContent = this.words.text("batch_more", {
      shown: this.words.number(shown.length),
      total: this.words.number(rows.length),
    });
  }

  draw(result) {
    this.rows = (result.rows ?? []).map((row, index) => ({ ...row, rank: index + 1 }));
    this.csv = result.csv ?? "";
    this.sortKey = "rank";
    this.ascending = true;
    this.shown = PAGE_ROWS;
    const errors = result.errors ?? [];
    const errorList = this.$("batch-errors");
    errorList.innerHTML = errorsHTML(this.words, errors);
    errorList.hidden = errors.length === 0;
    const rest = errors.length - ERRORS_SHOWN;
    this.$("batch-errors-rest").textContent = rest > 0 ? this.words.number(rest) : "";
    this.$("batch-errors-more").hidden = rest <= 0;
    this.$("batch-status").textContent = doneText(this.words, this.rows.length, errors.length);
    this.$("batch-filter").innerHTML = filterHTML(this.words, this.rows);
    this.$("batch-filter-field").hidden = this.rows.length === 0;
    this.$("batch-progress").hidden = true;
    this.$("batch-table-wrap").hidden = this.rows.length === 0;
    this.$("batch-download").hidden = this.rows.length === 0 && errors.length === 0;
    this.drawTable();
    performance.measure("calc:batch-render", "calc:batch-answer");
  }

  async check(isStale) {
    const csv = this.$("batch-csv").value;
    if (!csv.trim()) {
      this.draw({ rows: [], errors: [] });
      this.$("batch-status").textContent = "";
      return;
    }
    const lines = csv.trim().split("\n").length - 1;
    const bar = this.$("batch-progress");
    this.$("batch-status").textContent = this.words.count("batch_checking", lines);
    // Indeterminate until the engine says how far it has got.
    bar.removeAttribute("value");
    bar.hidden = false;
    const onProgress = (done, total) => {
      if (isStale() || !total) return;
      bar.max = total;
      bar.value = done;
      this.$("batch-status").textContent = this.words.count("batch_checking_share", total, {
        done: this.words.number(done),
      });
    };
    this.page.running(1);
    let reply;
    try {
      reply = await this.page.ask({ op: OP.batch, csv, today: this.page.today() }, onProgress);
    } finally {
      this.page.running(-1);
    }
    if (isStale() || !reply) return;
    performance.mark("calc:batch-answer");
    if (reply.ok) this.draw(reply.result);
    else {
      this.draw({ rows: [], errors: [] });
      this.$("batch-status").textContent = reply.error.message ?? this.words.text(reply.error.label);
    }
  }

  /** Sorting, filtering, more rows and the download; `run` checks the batch again. */
  listen(run) {
    this.$("batch-csv").addEventListener("input", run);
    this.$("batch-file").addEventListener("change", async (event) => {
      const file = event.target.files?.[0];
      if (!file) return;
      this.$("batch-csv").value = await file.text();
      run();
    });
    this.$("batch-table").addEventListener("click", (event) => {
      const button = event.target.closest("button[data-sort]");
      if (!button) return;
      const key = button.dataset.sort;
      this.ascending = this.sortKey === key ? !this.ascending : true;
      this.sortKey = key;
      this.drawTable();
      this.$("batch-table").querySelector(`button[data-sort="${CSS.escape(key)}"]`)?.focus();
    });
    this.$("batch-filter").addEventListener("change", () => this.drawTable());
    this.$("batch-more").addEventListener("click", () => {
      this.shown += PAGE_ROWS;
      this.drawTable();
    });
    this.$("batch-download").addEventListener("click", () =>
      this.page.download(this.words.text("batch_file_name"), this.csv, "text/csv"),
    );
  }
}
