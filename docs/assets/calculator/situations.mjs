// The first question, "What happened?": the engine's field table (calculator.fields,
// written into the page by the build) says which fields matter in which situation,
// known before Python has started.

export const FIELD_TABLE_ID = "calc-field-table";

/** The field table in `doc`; null without it, and then every field stays shown, which always works. */
export function readFieldSpec(doc) {
  try {
    const table = JSON.parse(doc.getElementById(FIELD_TABLE_ID)?.textContent ?? "null");
    return Array.isArray(table) ? table : null;
  } catch {
    return null;
  }
}

/** Whether the field `name` is shown in `situation`, given whether it holds something. */
export function fieldShown(field, situation, held) {
  // A field that holds something is never hidden: it counts in the answer.
  return field.required || field.situations.includes(situation) || held;
}

/** The field whose group is asked first in `situation`, if any. */
export function leadField(spec, situation) {
  return situation ? (spec.find((f) => f.asked_first && f.situations.includes(situation)) ?? null) : null;
}

export class Situations {
  constructor(doc, form) {
    this.doc = doc;
    this.form = form;
    this.spec = readFieldSpec(doc);
    this.situation = null;
    // The form's groups in the build's order, for putting them back after a situation
    // moved the group that decides its dates to the top.
    this.groupsInOrder = null;
  }

  hasValue(input) {
    // Today's date holds the reader's own date: it counts only once the reader types one.
    if (input.id === "today") return this.form.filled.has("today");
    if (input.type === "checkbox") return input.checked;
    if (input.tagName === "SELECT") return input.selectedIndex > 0;
    return input.value !== "" || input.id in this.form.fromLink;
  }

  /** The engine's field table says which group to ask first in a situation; move it there. */
  orderGroups() {
    const box = this.doc.getElementById("calc-fields");
    this.groupsInOrder ??= [...box.querySelectorAll(":scope > fieldset")];
    // Once a situation is chosen its order stays, "more details" included: nothing jumps.
    const lead = leadField(this.spec, this.situation);
    const first = lead ? this.doc.getElementById(lead.name)?.closest("fieldset") : null;
    const wanted = first ? [first, ...this.groupsInOrder.filter((set) => set !== first)] : this.groupsInOrder;
    const now = [...box.querySelectorAll(":scope > fieldset")];
    // Moving a group would take the focus out of a field being typed in: only when needed.
    if (wanted.every((set, i) => set === now[i])) return;
    box.append(...wanted);
  }

  show() {
    const element = this.form.element;
    const every = element.dataset.every === "true" || !this.situation || !this.spec;
    if (this.spec) this.orderGroups();
    for (const field of this.spec ?? []) {
      const input = this.doc.getElementById(field.name);
      const box = input?.closest(".rc-field");
      if (!box) continue;
      box.hidden = !(every || fieldShown(field, this.situation, this.hasValue(input)));
    }
    if (every) for (const box of element.querySelectorAll("#calc-fields .rc-field")) box.hidden = false;
    for (const set of element.querySelectorAll("#calc-fields fieldset")) {
      set.hidden = [...set.querySelectorAll(".rc-field")].every((box) => box.hidden);
    }
    const more = this.doc.getElementById("calc-more");
    more.hidden = every;
    more.setAttribute("aria-expanded", String(every));
  }

  choose(button) {
    this.situation = button.dataset.situation;
    const element = this.form.element;
    element.dataset.chosen = this.situation;
    element.dataset.every = "false";
    for (const other of element.querySelectorAll("[data-situation]")) {
      other.setAttribute("aria-pressed", String(other === button));
    }
    this.show();
  }

  /** The situation buttons and "More details". */
  listen() {
    for (const button of this.form.element.querySelectorAll("[data-situation]")) {
      button.addEventListener("click", () => this.choose(button));
    }
    this.doc.getElementById("calc-more").addEventListener("click", () => {
      this.form.element.dataset.every = "true";
      this.show();
    });
  }
}
