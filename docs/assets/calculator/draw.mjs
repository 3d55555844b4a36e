// Drawing the engine's answer as HTML strings: every sentence is the engine's (in the
// page's language, from the worker) or a page label (labels.mjs); this module only
// arranges them. Nothing here touches the document, so node can test it.

import { escapeHTML } from "./html.mjs";

/** A link to the guide's page on a route, resolved against the site's root. */
export function guideLink(words, siteRoot, guide, title = "") {
  if (!guide) return "";
  const text = words.text("how_this_works");
  const label = title ? ` aria-label="${escapeHTML(words.text("how_this_works_about", { title }))}"` : "";
  return `<a class="rc-guide" href="${escapeHTML(new URL(guide, siteRoot).href)}"${label}>${escapeHTML(text)}</a>`;
}

/** "Best by … · last day …": the route's two days, as HTML; "" when it has neither. */
export function whenLine(words, route) {
  const actBy = route.act_by && route.act_by !== route.closes_on ? route.act_by : "";
  const dates = { act_by: words.date(actBy), closes_on: words.date(route.closes_on) };
  if (actBy && route.closes_on) return words.html("when_both", dates);
  if (route.closes_on) return words.html("when_closes", dates);
  if (actBy) return words.html("when_act", dates);
  return "";
}

/** "Why this date?": the rules the engine used, their values, since when, and where they are stated. */
export function renderWhy(words, route) {
  const rules = route.policy ?? [];
  if (!rules.length || typeof rules[0] !== "object") return "";
  const items = rules
    .map((rule) => {
      const figure = { value: escapeHTML(rule.value), unit: escapeHTML(rule.unit), since: words.date(rule.from) };
      const value = words.html(rule.from ? "rule_value_since" : "rule_value", figure);
      const sources = (rule.sources ?? [])
        .map(
          (s) =>
            `<li><a href="${escapeHTML(s.url)}" rel="noreferrer">${escapeHTML(s.title)}</a> <span class="rc-seen">${words.html("source_seen", { seen: escapeHTML(s.seen) })}</span></li>`,
        )
        .join("");
      return `<li data-policy="${escapeHTML(rule.id)}"><code>${escapeHTML(rule.id)}</code>: ${value}${sources ? `<ul class="rc-sources">${sources}</ul>` : ""}</li>`;
    })
    .join("");
  return `<details class="rc-why"><summary>${words.html("why_this_date")}</summary><ul>${items}</ul></details>`;
}

/** The dispute's own progress, step by step, in the engine's words. */
export function renderSteps(words, dispute) {
  const steps = dispute.steps
    .map((step) => {
      const current = step.state === "current" ? ' aria-current="step"' : "";
      const when = step.date ? ` <span class="rc-step-date">${words.date(step.date)}</span>` : "";
      return `<li data-state="${escapeHTML(step.state)}"${current}><span class="rc-step-state">${escapeHTML(step.state_label)}</span> ${escapeHTML(step.label)}${when}</li>`;
    })
    .join("");
  return `<ol class="rc-steps" data-stage="${escapeHTML(dispute.stage)}">${steps}</ol>`;
}

/**
 * A card is its attributes and its parts, each part one element drawn from its own string.
 * The route a dispute is about also shows the dispute's progress.
 */
export function routeCard(words, siteRoot, route, dispute) {
  const disputed = dispute?.route === route.route ? dispute : null;
  const facts = [];
  if (route.opens_on && route.status === "not_yet") {
    facts.push(`<dt>${words.html("opens_on")}</dt><dd>${words.date(route.opens_on)}</dd>`);
  }
  if (route.days_left !== null && route.days_left !== undefined) {
    facts.push(`<dt>${words.html("days_left")}</dt><dd class="rc-days">${escapeHTML(route.days_left)}</dd>`);
  }
  const when = whenLine(words, route);
  const check =
    route.status === "check" && route.closes_on_latest
      ? `<p class="rc-check-note" role="note"><strong>${escapeHTML(route.status_label)}.</strong> ${words.html("check_note", { first: words.date(route.closes_on), last: words.date(route.closes_on_latest) })}</p>`
      : "";
  const parts = [
    ["title", `<h3>${escapeHTML(route.title)}</h3>`],
    ["badge", `<p class="rc-badge">${escapeHTML(route.status_label)}</p>`],
    ["when", when && `<p class="rc-when">${when}</p>`],
    ["check", check],
    ["facts", facts.length ? `<dl>${facts.join("")}</dl>` : ""],
    ["reason", `<p class="rc-reason">${escapeHTML(route.reason)}</p>`],
    ["progress", disputed ? renderSteps(words, disputed) : ""],
    ["payment", disputed?.payment_note ? `<p class="rc-payment">${escapeHTML(disputed.payment_note)}</p>` : ""],
    ["step", `<p class="rc-step">${escapeHTML(route.next_step)} ${guideLink(words, siteRoot, route.guide, route.title)}</p>`],
    ["why", renderWhy(words, route)],
  ].filter(([, html]) => html);
  const data = {
    route: route.route,
    status: route.status,
    family: route.family ?? "",
    actBy: route.act_by ?? "",
    closesOn: route.closes_on ?? "",
  };
  return { data, parts, html: JSON.stringify([data, parts]) };
}

export function renderWarnings(words, warnings) {
  return warnings.map((w) => [
    w.id,
    `<div class="admonition warning rc-warning" data-warning="${escapeHTML(w.id)}"><p class="admonition-title">${words.html("watch_out")}</p><p>${escapeHTML(w.message)}</p></div>`,
  ]);
}

export function renderTimeline(words, events, today) {
  const items = [];
  const todayItem = () => [
    "today",
    `<li class="rc-today" data-kind="today" data-date="${escapeHTML(today)}">${words.date(today)} <span>${words.html("today")}</span></li>`,
  ];
  let todayShown = false;
  for (const event of events) {
    if (!todayShown && event.date > today) {
      items.push(todayItem());
      todayShown = true;
    }
    const when = event.date < today ? "past" : event.date === today ? "now" : "future";
    items.push([
      `${event.date}|${event.kind}|${event.route ?? ""}`,
      `<li data-kind="${escapeHTML(event.kind)}" data-date="${escapeHTML(event.date)}" class="rc-${when}">${words.date(event.date)} <span>${escapeHTML(event.label)}</span></li>`,
    ]);
  }
  if (!todayShown) items.push(todayItem());
  return items;
}

/** The route the engine's next step is about: named by the engine, or the one whose own step it is. */
export function headlineRoute(result) {
  if (result.next_route) return result.routes.find((route) => route.route === result.next_route) ?? null;
  return result.routes.find((route) => route.next_step === result.next_step) ?? null;
}

/** The headline's dates and days left, as HTML; "" when the answer has none. */
export function headlineWhen(words, route) {
  const parts = route ? [whenLine(words, route)].filter(Boolean) : [];
  if (route && route.days_left !== null && route.days_left !== undefined) {
    parts.push(`<strong>${escapeHTML(words.count("days_left_count", route.days_left))}</strong>`);
  }
  return parts.join(" · ");
}

/**
 * Families in the order the engine lists them; in each, the routes that apply first
 * and those that do not folded away, their reasons one tap away.
 */
export function arrange(routes) {
  const families = [];
  for (const route of routes) {
    let family = families.find((f) => f.id === (route.family ?? ""));
    if (!family) {
      families.push((family = { id: route.family ?? "", title: route.family_label, apply: [], folded: [] }));
    }
    (route.status === "not_applicable" ? family.folded : family.apply).push(route);
  }
  return families;
}

export function renderSkeleton(words, families) {
  const titled = families.length > 1;
  return families
    .map((family) => {
      const title = titled ? `<h3 class="rc-family-title">${escapeHTML(family.title ?? family.id)}</h3>` : "";
      const slots = (routes) => routes.map((r) => `<div class="rc-slot" data-slot="${escapeHTML(r.route)}"></div>`).join("");
      const folded = family.folded.length
        ? `<details class="rc-folded"><summary>${words.html("folded", { n: escapeHTML(words.number(family.folded.length)) })}</summary><div class="rc-cards">${slots(family.folded)}</div></details>`
        : "";
      return `<section class="rc-family" data-family="${escapeHTML(family.id)}">${title}<div class="rc-cards">${slots(family.apply)}</div>${folded}</section>`;
    })
    .join("");
}
