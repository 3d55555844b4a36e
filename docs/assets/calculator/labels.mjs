// The page's words: the build writes them into the page as JSON (calculator.page_labels),
// in the page's language; this module fills in their named placeholders and formats
// the dates and numbers they hold with Intl, in the page's language too. It picks a
// plural form with Intl.PluralRules, never a word of its own.

import { escapeHTML } from "./html.mjs";

export const LABELS_ID = "calc-labels";

/** The labels block of `doc`; empty labels (each key then shows as itself) when missing. */
export function readLabels(doc) {
  try {
    const labels = JSON.parse(doc.getElementById(LABELS_ID)?.textContent ?? "null");
    if (labels && typeof labels === "object") return { text: labels.text ?? {}, counted: labels.counted ?? {} };
  } catch {
    // the page then shows keys, which a test notices; it still answers
  }
  return { text: {}, counted: {} };
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** `template` with each {name} replaced by `values[name]`, as plain text. */
export function fill(template, values = {}) {
  return String(template).replace(PLACEHOLDER, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** `template` as HTML: its own text escaped, each {name} replaced by the HTML in `values`. */
export function fillHTML(template, values = {}) {
  return String(template)
    .split(PLACEHOLDER)
    .map((part, index) => (index % 2 ? (values[part] ?? "") : escapeHTML(part)))
    .join("");
}

/**
 * The words of one page: `labels` from readLabels, `lang` the page's own (its <html lang>).
 * Dates and numbers are formatted for that language, not the browser's.
 */
export class Words {
  constructor(labels, lang) {
    this.labels = labels;
    this.lang = lang || "en";
    this.plurals = new Intl.PluralRules(this.lang);
    this.numbers = new Intl.NumberFormat(this.lang);
    // Made on first use: building a date format is slow enough to matter in the
    // page's first, busiest moments, and no date is shown before the first answer.
    this.dates = null;
  }

  /** A label's text, placeholders filled with plain `values`. */
  text(key, values) {
    return fill(this.labels.text[key] ?? key, values);
  }

  /** A label as HTML, placeholders filled with HTML `values` (escape what is text). */
  html(key, values) {
    return fillHTML(this.labels.text[key] ?? key, values);
  }

  /** The form of a counted label for `n`, its {n} (and `values`) filled in, as plain text. */
  count(key, n, values = {}) {
    const forms = this.labels.counted[key] ?? {};
    const form = this.plurals.select(n) === "one" ? forms.one : forms.other;
    return fill(form ?? key, { ...values, n: this.number(n) });
  }

  number(n) {
    return typeof n === "number" ? this.numbers.format(n) : String(n);
  }

  /** A YYYY-MM-DD day as a <time> element, in the page's language; "" for none. */
  date(iso) {
    if (!iso) return "";
    this.dates ??= new Intl.DateTimeFormat(this.lang, {
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    });
    const [y, m, d] = iso.split("-").map(Number);
    return `<time datetime="${escapeHTML(iso)}">${escapeHTML(this.dates.format(Date.UTC(y, m - 1, d)))}</time>`;
  }

  /** Text ordered as the page's language orders it: digits by their value. */
  compare(a, b) {
    return String(a).localeCompare(String(b), this.lang, { numeric: true });
  }
}
