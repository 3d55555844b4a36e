// The form and its share link: the fields the reader filled in, kept in the URL fragment.
//
// A link carries the fields the reader filled in (or the link opened gave), named as
// the engine's field table names them, so it says what the reader said and nothing
// the form merely defaults to. Older links list every field, the empty ones too: only
// those with a value count. The same link opens the same answer in every language.

/** The reader's own date, YYYY-MM-DD. */
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The fragment for `fields` (name -> value), keeping only the `filled` names, in `names`' order. */
export function fragmentFor(fields, names, filled) {
  const params = new URLSearchParams();
  for (const name of names) {
    if (fields[name] && filled.has(name)) params.set(name, fields[name]);
  }
  const text = params.toString();
  return text ? `#${text}` : "";
}

/** Whether a fragment is a form's link rather than a heading's anchor. */
export function isFormFragment(hash, names) {
  return [...new URLSearchParams(hash.slice(1)).keys()].some((key) => names.includes(key));
}

/** A link's values by field name, trimmed; a field it leaves out (or empty) is "". */
export function valuesFromFragment(hash, names) {
  const params = new URLSearchParams(hash.slice(1));
  return Object.fromEntries(names.map((name) => [name, (params.get(name) ?? "").trim()]));
}

/** The form of a page: its fields, what the reader filled in, and its field errors. */
export class Form {
  constructor(doc, location, history) {
    this.doc = doc;
    this.location = location;
    this.history = history;
    this.element = doc.getElementById("calc-form");
    // The form's fields, named as the engine's field table names them (its CLI options).
    this.names = [...this.element.elements]
      .filter((e) => e.name && e.closest("#calc-fields"))
      .map((e) => e.name);
    this.filled = new Set();
    // Values from a link that a field cannot hold (a date input empties "2026-02-30").
    // They go to the engine as written until the reader edits that field, so its
    // message names what the link said instead of the field silently going blank.
    this.fromLink = {};
  }

  input(name) {
    return this.doc.getElementById(name);
  }

  read() {
    const fields = {};
    for (const name of this.names) {
      const input = this.input(name);
      fields[name] = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
      if (name in this.fromLink) fields[name] = this.fromLink[name];
    }
    if (!fields.today) fields.today = localToday();
    return fields;
  }

  fragment() {
    return fragmentFor(this.read(), this.names, this.filled);
  }

  isLink(hash) {
    return isFormFragment(hash, this.names);
  }

  /** Fills the form from the page's link; false when the fragment is no form's. */
  fillFromFragment() {
    if (!this.isLink(this.location.hash)) return false;
    const values = valuesFromFragment(this.location.hash, this.names);
    this.fromLink = {};
    this.filled.clear();
    for (const name of this.names) {
      const input = this.input(name);
      const value = values[name];
      if (input.type === "checkbox") input.checked = value === "true";
      else if (input.tagName === "SELECT") input.value = value || input.options[0].value;
      else if (name === "today") input.value = value || localToday();
      else input.value = value;
      const held = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value;
      if (value && held !== value) this.fromLink[name] = value;
      if (value) this.filled.add(name);
    }
    return true;
  }

  /** The address bar says what the form says; a heading's anchor stays until then. */
  syncFragment() {
    const wanted = this.fragment();
    if (wanted === "" && !this.isLink(this.location.hash)) return;
    if (wanted !== this.location.hash) {
      this.history.replaceState(null, "", this.location.pathname + this.location.search + wanted);
    }
  }

  clearErrors() {
    for (const input of this.element.querySelectorAll("[aria-invalid]")) {
      input.removeAttribute("aria-invalid");
      const described = (input.getAttribute("aria-describedby") || "")
        .split(" ")
        .filter((id) => id && id !== `${input.id}-error`);
      if (described.length) input.setAttribute("aria-describedby", described.join(" "));
      else input.removeAttribute("aria-describedby");
    }
    for (const message of this.element.querySelectorAll(".rc-field .rc-error")) message.remove();
    this.doc.getElementById("calc-form-error").hidden = true;
  }

  /** Shows `text` under the field it names, or above the form when it names none. */
  showError(field, text) {
    this.clearErrors();
    const input = field ? this.input(field) : null;
    if (!input || !this.names.includes(field)) {
      const box = this.doc.getElementById("calc-form-error");
      box.textContent = text;
      box.hidden = false;
      return;
    }
    const message = this.doc.createElement("p");
    message.className = "rc-error";
    message.id = `${input.id}-error`;
    message.textContent = text;
    input.closest(".rc-field").append(message);
    input.setAttribute("aria-invalid", "true");
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    input.setAttribute("aria-describedby", [...described, message.id].join(" "));
  }
}
