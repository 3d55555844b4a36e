// Putting the drawn answer (draw.mjs) on the page. Only the elements whose own HTML
// changed are rebuilt, so the live region announces what changed rather than the
// whole answer, and the browser restyles and lays out little on each edit.

import {
  arrange,
  headlineRoute,
  headlineWhen,
  renderSkeleton,
  renderTimeline,
  renderWarnings,
  routeCard,
} from "./draw.mjs";

export class Answer {
  constructor(doc, words, siteRoot) {
    this.doc = doc;
    this.words = words;
    this.siteRoot = siteRoot;
    // What each element last showed.
    this.shown = new Map();
    // By container: what each keyed element was drawn from, and the element.
    this.drawn = new WeakMap();
    // The cards on the page, by route: kept across answers, changed where the answer did.
    this.cards = new Map();
    this.arrangement = "";
  }

  $(id) {
    return this.doc.getElementById(id);
  }

  setHTML(element, html) {
    if (this.shown.get(element) === html) return;
    this.shown.set(element, html);
    element.innerHTML = html;
  }

  parse(html) {
    const template = this.doc.createElement("template");
    template.innerHTML = html;
    return template.content.firstElementChild;
  }

  /** Makes `container` hold one element per [key, html] part, in order, rebuilding only those that changed. */
  drawParts(container, parts) {
    const before = this.drawn.get(container) ?? new Map();
    const after = new Map();
    const elements = [];
    for (const [part, html] of parts) {
      let key = part;
      for (let n = 2; after.has(key); n++) key = `${part}#${n}`;
      const [oldHTML, old] = before.get(key) ?? [];
      let element = old;
      if (!old || oldHTML !== html) {
        element = this.parse(html);
        if (old) {
          // A section the reader opened stays open.
          if (old.matches("details[open]") && element.matches("details")) element.open = true;
          old.replaceWith(element);
        }
      }
      after.set(key, [html, element]);
      elements.push(element);
    }
    for (const [key, [, element]] of before) if (!after.has(key)) element.remove();
    let cursor = container.firstElementChild;
    for (const element of elements) {
      if (element === cursor) cursor = cursor.nextElementSibling;
      else container.insertBefore(element, cursor);
    }
    this.drawn.set(container, after);
  }

  drawCard(card) {
    let element = this.cards.get(card.data.route);
    if (!element) {
      element = this.doc.createElement("article");
      element.className = "rc-card";
      this.cards.set(card.data.route, element);
    }
    if (this.shown.get(element) === card.html) return element;
    this.shown.set(element, card.html);
    for (const [name, value] of Object.entries(card.data)) {
      if (element.dataset[name] !== value) element.dataset[name] = value;
    }
    this.drawParts(element, card.parts);
    return element;
  }

  /** The headline: the one thing to do, by when, and the last day. */
  drawSummary(result) {
    const next = this.$("calc-next");
    if (next.textContent !== result.next_step) next.textContent = result.next_step;
    const route = headlineRoute(result);
    const summary = this.$("calc-summary");
    summary.dataset.nextRoute = route?.route ?? "";
    summary.dataset.actBy = route?.act_by ?? "";
    summary.dataset.closesOn = route?.closes_on ?? "";
    summary.dataset.today = result.today;
    // What a printed answer says on top (calculator.css, print).
    summary.dataset.printed = this.words.text("worked_out_for", { today: result.today });
    const text = headlineWhen(this.words, route);
    this.setHTML(this.$("calc-when"), text);
    this.$("calc-when").hidden = !text;
    this.$("calc-headline").hidden = false;
  }

  draw(result) {
    this.drawSummary(result);
    const routes = this.$("calc-routes");
    const families = arrange(result.routes);
    const key = JSON.stringify(families.map((f) => [f.id, f.apply.map((r) => r.route), f.folded.map((r) => r.route)]));
    const cards = result.routes.map((route) => routeCard(this.words, this.siteRoot, route, result.dispute));
    if (key !== this.arrangement) {
      // The families and their folds are rebuilt; the cards move into them as they are.
      const open = new Set([...routes.querySelectorAll("details[open]")].map((d) => d.closest("[data-family]")?.dataset.family));
      this.arrangement = key;
      routes.innerHTML = renderSkeleton(this.words, families);
      for (const d of routes.querySelectorAll(".rc-folded")) if (open.has(d.closest("[data-family]").dataset.family)) d.open = true;
      for (const route of this.cards.keys()) {
        if (!result.routes.some((r) => r.route === route)) this.cards.delete(route);
      }
      for (const card of cards) {
        routes.querySelector(`[data-slot="${CSS.escape(card.data.route)}"]`).replaceWith(this.drawCard(card));
      }
    } else {
      for (const card of cards) this.drawCard(card);
    }
    this.drawParts(this.$("calc-warnings"), renderWarnings(this.words, result.warnings));
    this.drawParts(this.$("calc-timeline"), renderTimeline(this.words, result.timeline, result.today));
    this.$("calc-answer").hidden = false;
  }
}
