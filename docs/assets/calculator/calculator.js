// Page glue for the refund calculator: form <-> worker <-> rendered answer.
//
// Every rule lives in the Python engine that the worker runs; this file only reads
// the form, keeps the URL fragment in step with it, and draws the engine's JSON.

const STAGES = {
  download: [1, "Downloading Python…"],
  start: [2, "Starting Python…"],
  calculator: [3, "Loading the calculator…"],
  ready: [4, "Ready."],
};
const BATCH_COLUMNS = [
  ["rank", "Urgency"],
  ["order_id", "Order"],
  ["line", "Line"],
  ["title", "Next route"],
  ["closes_on", "Last day"],
  ["days_left", "Days left"],
  ["act_by", "Best by"],
  ["status", "Status"],
  ["family", "Family"],
  ["dispute_stage", "Dispute"],
  ["fallback_title", "Closes first"],
  ["fallback_closes_on", "Its last day"],
  ["next_step", "Next step"],
];
// An error is shown only once typing pauses this long: a date typed digit by digit
// passes through impossible dates on its way, and those should not flash up.
const TYPING_PAUSE_MS = 150;
const BATCH_PAGE_ROWS = 200;
// Refused rows listed at most; the rest are counted (the CSV download has them all).
const BATCH_ERRORS_SHOWN = 100;
// A start that sends no news for this long has failed as far as the reader can tell:
// a runtime that cannot start (a damaged file, a blocked compile) may never say so.
const START_SILENCE_MS = 30000;

const $ = (id) => document.getElementById(id);
const siteRoot = new URL("../../", import.meta.url);

function escapeHTML(value) {
  return String(value ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );
}

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Made on first use: building a locale's date format is slow enough to matter in
// the page's first, busiest moments, and no date is shown before the first answer.
let dateFormat = null;

function showDate(iso) {
  if (!iso) return "";
  dateFormat ??= new Intl.DateTimeFormat(undefined, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const [y, m, d] = iso.split("-").map(Number);
  return `<time datetime="${escapeHTML(iso)}">${escapeHTML(dateFormat.format(Date.UTC(y, m - 1, d)))}</time>`;
}

function guideLink(guide, text, about = "") {
  if (!guide) return "";
  const label = about ? ` aria-label="${escapeHTML(`${text}: ${about}`)}"` : "";
  return `<a class="rc-guide" href="${escapeHTML(new URL(guide, siteRoot).href)}"${label}>${escapeHTML(text)}</a>`;
}

function oneLine(text) {
  const lines = String(text ?? "").trim().split("\n").filter(Boolean);
  if (lines.length === 0) return "";
  return lines[0].startsWith("Traceback") ? lines[lines.length - 1] : lines[0];
}

// ---------------------------------------------------------------- worker

class Calculator {
  constructor(onStage, onFailed) {
    this.pending = new Map();
    this.progress = new Map();
    this.nextId = 1;
    // The page's inline script may have started the worker already (see calculator.md).
    const started = window.refundCalculatorWorker;
    delete window.refundCalculatorWorker;
    this.worker = started?.worker ?? new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
    this.worker.onmessage = ({ data }) => {
      if (data.type === "stage") onStage(data.stage);
      else if (data.type === "progress") onProgress(data.loaded, data.total);
      else if (data.type === "failed") onFailed(data.message);
      else if (data.type === "runtime") $("calc-result").dataset.runtime = data.path;
      else if (data.type === "batch-progress") this.progress.get(data.id)?.(data.done, data.total);
      else if (data.type === "reply") {
        const resolve = this.pending.get(data.id);
        this.pending.delete(data.id);
        this.progress.delete(data.id);
        resolve?.(data.json);
      }
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      onFailed(event.message || "");
    };
    for (const event of started?.early ?? []) {
      if (event.type === "error") this.worker.onerror(event);
      else this.worker.onmessage(event);
    }
  }

  /** Ends the worker; questions still waiting get `null`, which their askers ignore. */
  stop() {
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
    this.progress.clear();
  }

  /**
   * Resolves to the bridge's reply object: {ok, result} or {ok: false, error};
   * `null` when the worker was stopped first.
   * `onProgress(done, total)` hears how far a long question has got, until its reply.
   */
  ask(message, onProgress = null) {
    const id = this.nextId++;
    if (onProgress) this.progress.set(id, onProgress);
    return new Promise((resolve) => {
      this.pending.set(id, (json) => {
        if (json === null) {
          resolve(null);
          return;
        }
        try {
          performance.mark("calc:reply");
          resolve(JSON.parse(json));
        } catch {
          resolve({ ok: false, error: { field: null, message: "the calculator gave no answer" } });
        }
      });
      this.worker.postMessage({ id, ...message });
    });
  }
}

// ---------------------------------------------------------------- form and fragment

const form = $("calc-form");
// The form's fields, named as the engine's field table names them (its CLI options).
const FIELDS = [...form.elements].filter((e) => e.name && e.closest("#calc-fields")).map((e) => e.name);
// The fields the reader filled in, or that the link opened gave: a share link carries
// these alone, so it says what the reader said and nothing the form merely defaults to.
const filled = new Set();
// Values from a link that a field cannot hold (a date input empties "2026-02-30").
// They go to the engine as written until the reader edits that field, so its
// message names what the link said instead of the field silently going blank.
let fromLink = {};

function readFields() {
  const fields = {};
  for (const name of FIELDS) {
    const input = $(name);
    fields[name] = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value.trim();
    if (name in fromLink) fields[name] = fromLink[name];
  }
  if (!fields.today) fields.today = localToday();
  return fields;
}

function fragmentFor(fields) {
  const params = new URLSearchParams();
  for (const name of FIELDS) {
    if (fields[name] && filled.has(name)) params.set(name, fields[name]);
  }
  const text = params.toString();
  return text ? `#${text}` : "";
}

function fillFromFragment() {
  if (!isFormFragment(location.hash)) return false;
  const params = new URLSearchParams(location.hash.slice(1));
  fromLink = {};
  filled.clear();
  for (const name of FIELDS) {
    const input = $(name);
    const value = (params.get(name) ?? "").trim();
    if (input.type === "checkbox") input.checked = value === "true";
    else if (input.tagName === "SELECT") input.value = value || input.options[0].value;
    else if (name === "today") input.value = value || localToday();
    else input.value = value;
    const held = input.type === "checkbox" ? (input.checked ? "true" : "") : input.value;
    if (value && held !== value) fromLink[name] = value;
    // An older link lists every field, the empty ones too: only those with a value count.
    if (value) filled.add(name);
  }
  return true;
}

function isFormFragment(hash) {
  return [...new URLSearchParams(hash.slice(1)).keys()].some((key) => FIELDS.includes(key));
}

function syncFragment(fields) {
  const wanted = fragmentFor(fields);
  // A heading's anchor stays until the reader types something worth sharing.
  if (wanted === "" && !isFormFragment(location.hash)) return;
  if (wanted !== location.hash) {
    history.replaceState(null, "", location.pathname + location.search + wanted);
  }
}

// ---------------------------------------------------------------- field errors

function clearErrors() {
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    const described = (input.getAttribute("aria-describedby") || "")
      .split(" ")
      .filter((id) => id && id !== `${input.id}-error`);
    if (described.length) input.setAttribute("aria-describedby", described.join(" "));
    else input.removeAttribute("aria-describedby");
  }
  for (const message of form.querySelectorAll(".rc-field .rc-error")) message.remove();
  $("calc-form-error").hidden = true;
}

function showError(error) {
  clearErrors();
  const input = error.field ? $(error.field) : null;
  if (!input || !FIELDS.includes(error.field)) {
    $("calc-form-error").textContent = error.message;
    $("calc-form-error").hidden = false;
    return;
  }
  const message = document.createElement("p");
  message.className = "rc-error";
  message.id = `${input.id}-error`;
  message.textContent = error.message;
  input.closest(".rc-field").append(message);
  input.setAttribute("aria-invalid", "true");
  const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  input.setAttribute("aria-describedby", [...described, message.id].join(" "));
}

// ---------------------------------------------------------------- rendering the answer

function whenLine(route) {
  const parts = [];
  if (route.act_by && route.act_by !== route.closes_on) parts.push(`best by ${showDate(route.act_by)}`);
  if (route.closes_on) parts.push(`last day ${showDate(route.closes_on)}`);
  const text = parts.join(" · ");
  return text ? text[0].toUpperCase() + text.slice(1) : "";
}

// "Why this date?": the rules the engine used, their values, since when, and where they are stated.
function renderWhy(route) {
  const rules = route.policy ?? [];
  if (!rules.length || typeof rules[0] !== "object") return "";
  const items = rules
    .map((rule) => {
      const since = rule.from ? `, in force since ${showDate(rule.from)}` : "";
      const sources = (rule.sources ?? [])
        .map((s) => `<li><a href="${escapeHTML(s.url)}" rel="noreferrer">${escapeHTML(s.title)}</a> <span class="rc-seen">(seen ${escapeHTML(s.seen)})</span></li>`)
        .join("");
      return `<li data-policy="${escapeHTML(rule.id)}"><code>${escapeHTML(rule.id)}</code>: ${escapeHTML(rule.value)} ${escapeHTML(rule.unit)}${since}${sources ? `<ul class="rc-sources">${sources}</ul>` : ""}</li>`;
    })
    .join("");
  return `<details class="rc-why"><summary>Why this date?</summary><ul>${items}</ul></details>`;
}

// A card is its attributes and its parts, each part one element drawn from its own string.
// The route a dispute is about also shows the dispute's progress.
function routeCard(route, dispute) {
  const disputed = dispute?.route === route.route ? dispute : null;
  const facts = [];
  if (route.opens_on && route.status === "not_yet") {
    facts.push(`<dt>Opens on</dt><dd>${showDate(route.opens_on)}</dd>`);
  }
  if (route.days_left !== null && route.days_left !== undefined) {
    facts.push(`<dt>Days left</dt><dd class="rc-days">${escapeHTML(route.days_left)}</dd>`);
  }
  const when = whenLine(route);
  const parts = [
    ["title", `<h3>${escapeHTML(route.title)}</h3>`],
    ["badge", `<p class="rc-badge">${escapeHTML(route.status_label)}</p>`],
    ["when", when && `<p class="rc-when">${when}</p>`],
    [
      "check",
      route.status === "check" && route.closes_on_latest
        ? `<p class="rc-check-note" role="note"><strong>${escapeHTML(route.status_label)}.</strong> The last day is between ${showDate(route.closes_on)} and ${showDate(route.closes_on_latest)}.</p>`
        : "",
    ],
    ["facts", facts.length ? `<dl>${facts.join("")}</dl>` : ""],
    ["reason", `<p class="rc-reason">${escapeHTML(route.reason)}</p>`],
    ["progress", disputed ? renderSteps(disputed) : ""],
    ["payment", disputed?.payment_note ? `<p class="rc-payment">${escapeHTML(disputed.payment_note)}</p>` : ""],
    ["step", `<p class="rc-step">${escapeHTML(route.next_step)} ${guideLink(route.guide, "How this works", route.title)}</p>`],
    ["why", renderWhy(route)],
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

function renderWarnings(warnings) {
  return warnings.map((w) => [
    w.id,
    `<div class="admonition warning rc-warning" data-warning="${escapeHTML(w.id)}"><p class="admonition-title">Watch out</p><p>${escapeHTML(w.message)}</p></div>`,
  ]);
}

// The dispute's own progress, step by step, in the engine's words.
function renderSteps(dispute) {
  const steps = dispute.steps
    .map((step) => {
      const current = step.state === "current" ? ' aria-current="step"' : "";
      const when = step.date ? ` <span class="rc-step-date">${showDate(step.date)}</span>` : "";
      return `<li data-state="${escapeHTML(step.state)}"${current}><span class="rc-step-state">${escapeHTML(step.state_label)}</span> ${escapeHTML(step.label)}${when}</li>`;
    })
    .join("");
  return `<ol class="rc-steps" data-stage="${escapeHTML(dispute.stage)}">${steps}</ol>`;
}

function renderTimeline(events, today) {
  const items = [];
  const todayItem = () => [
    "today",
    `<li class="rc-today" data-kind="today" data-date="${escapeHTML(today)}">${showDate(today)} <span>Today</span></li>`,
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
      `<li data-kind="${escapeHTML(event.kind)}" data-date="${escapeHTML(event.date)}" class="rc-${when}">${showDate(event.date)} <span>${escapeHTML(event.label)}</span></li>`,
    ]);
  }
  if (!todayShown) items.push(todayItem());
  return items;
}

// What each part of the answer last showed. Only the elements whose own HTML changed
// are rebuilt, so the live region announces what changed rather than the whole answer,
// and the browser restyles and lays out little on each edit.
const shown = new Map();

function setHTML(element, html) {
  if (shown.get(element) === html) return;
  shown.set(element, html);
  element.innerHTML = html;
}

function parse(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  return template.content.firstElementChild;
}

// By container: what each keyed element was drawn from, and the element.
const drawn = new WeakMap();

/** Makes `container` hold one element per [key, html] part, in order, rebuilding only those that changed. */
function drawParts(container, parts) {
  const before = drawn.get(container) ?? new Map();
  const after = new Map();
  const elements = [];
  for (const [part, html] of parts) {
    let key = part;
    for (let n = 2; after.has(key); n++) key = `${part}#${n}`;
    const [oldHTML, old] = before.get(key) ?? [];
    let element = old;
    if (!old || oldHTML !== html) {
      element = parse(html);
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
  drawn.set(container, after);
}

/** The route the engine's next step is about: named by the engine, or the one whose own step it is. */
function headlineRoute(result) {
  if (result.next_route) return result.routes.find((route) => route.route === result.next_route) ?? null;
  return result.routes.find((route) => route.next_step === result.next_step) ?? null;
}

function daysLeft(days) {
  return days === 1 ? "1 day left" : `${days} days left`;
}

// The headline: the one thing to do, by when, and the last day.
function renderSummary(result) {
  if ($("calc-next").textContent !== result.next_step) $("calc-next").textContent = result.next_step;
  const route = headlineRoute(result);
  const summary = $("calc-summary");
  summary.dataset.nextRoute = route?.route ?? "";
  summary.dataset.actBy = route?.act_by ?? "";
  summary.dataset.closesOn = route?.closes_on ?? "";
  summary.dataset.today = result.today;
  const parts = route ? [whenLine(route)].filter(Boolean) : [];
  if (route && route.days_left !== null && route.days_left !== undefined) {
    parts.push(`<strong>${escapeHTML(daysLeft(route.days_left))}</strong>`);
  }
  const text = parts.join(" · ");
  setHTML($("calc-when"), text);
  $("calc-when").hidden = !text;
  $("calc-headline").hidden = false;
}

// Families in the order the engine lists them; in each, the routes that apply first
// and those that do not folded away, their reasons one tap away.
function arrange(routes) {
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

function renderSkeleton(families) {
  const titled = families.length > 1;
  return families
    .map((family) => {
      const title = titled ? `<h3 class="rc-family-title">${escapeHTML(family.title ?? family.id)}</h3>` : "";
      const slots = (routes) => routes.map((r) => `<div class="rc-slot" data-slot="${escapeHTML(r.route)}"></div>`).join("");
      const folded = family.folded.length
        ? `<details class="rc-folded"><summary>Does not apply here (${family.folded.length})</summary><div class="rc-cards">${slots(family.folded)}</div></details>`
        : "";
      return `<section class="rc-family" data-family="${escapeHTML(family.id)}">${title}<div class="rc-cards">${slots(family.apply)}</div>${folded}</section>`;
    })
    .join("");
}

// The cards on the page, by route: kept across answers and only changed where the engine's answer did.
const cardsShown = new Map();

function drawCard(card) {
  let element = cardsShown.get(card.data.route);
  if (!element) {
    element = document.createElement("article");
    element.className = "rc-card";
    cardsShown.set(card.data.route, element);
  }
  if (shown.get(element) === card.html) return element;
  shown.set(element, card.html);
  for (const [name, value] of Object.entries(card.data)) {
    if (element.dataset[name] !== value) element.dataset[name] = value;
  }
  drawParts(element, card.parts);
  return element;
}

let arrangementShown = "";

function renderAnswer(result) {
  renderSummary(result);
  const routes = $("calc-routes");
  const families = arrange(result.routes);
  const key = JSON.stringify(families.map((f) => [f.id, f.apply.map((r) => r.route), f.folded.map((r) => r.route)]));
  const cards = result.routes.map((route) => routeCard(route, result.dispute));
  if (key !== arrangementShown) {
    // The families and their folds are rebuilt; the cards move into them as they are.
    const open = new Set([...routes.querySelectorAll("details[open]")].map((d) => d.closest("[data-family]")?.dataset.family));
    arrangementShown = key;
    routes.innerHTML = renderSkeleton(families);
    for (const d of routes.querySelectorAll(".rc-folded")) if (open.has(d.closest("[data-family]").dataset.family)) d.open = true;
    for (const route of cardsShown.keys()) {
      if (!result.routes.some((r) => r.route === route)) cardsShown.delete(route);
    }
    for (const card of cards) {
      routes.querySelector(`[data-slot="${CSS.escape(card.data.route)}"]`).replaceWith(drawCard(card));
    }
  } else {
    for (const card of cards) drawCard(card);
  }
  drawParts($("calc-warnings"), renderWarnings(result.warnings));
  drawParts($("calc-timeline"), renderTimeline(result.timeline, result.today));
  $("calc-answer").hidden = false;
}

// ---------------------------------------------------------------- the page's life

const resultBox = $("calc-result");
let calculator = null;
let runtimeReady = false;
let answers = 0;
let lastInputAt = 0;
let errorTimer = 0;

/**
 * Runs `work` at once when idle; input arriving meanwhile is folded into one more
 * run with the latest values, so the worker never has a queue and an answer comes
 * as soon as Python has it. `work` gets a function telling it its result is stale.
 */
function coalesced(work) {
  let busy = false;
  let again = false;
  return async function trigger() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        await work(() => again);
      } while (again);
    } finally {
      busy = false;
    }
  };
}

function setState(state) {
  // Written only when it changes: rewriting an attribute restyles what depends on it.
  if (resultBox.dataset.state === state && resultBox.hasAttribute("aria-busy")) return;
  resultBox.dataset.state = state;
  $("calc-summary").dataset.state = state;
  resultBox.setAttribute("aria-busy", state === "loading" ? "true" : "false");
}

/** The page's own notice (written in by the build) that this browser cannot run it. */
function unavailable() {
  window.refundCalculatorTheme?.();
  $("calc-unavailable").hidden = false;
  $("calc-progress").hidden = true;
  setState("error");
}

function applyError(error) {
  showError(error);
  setState("error");
}

// The fragment follows the form once typing pauses: writing the address bar costs
// more than the rest of an edit, and nobody copies a link mid-keystroke.
let fragmentTimer = 0;

function fragmentSoon() {
  clearTimeout(fragmentTimer);
  fragmentTimer = setTimeout(fragmentNow, TYPING_PAUSE_MS);
}

function fragmentNow() {
  clearTimeout(fragmentTimer);
  syncFragment(readFields());
}

async function assessForm(isStale) {
  const fields = readFields();
  if (!calculator) return;
  clearTimeout(errorTimer);
  if (!fields["order-date"]) {
    clearErrors();
    $("calc-hint").hidden = false;
    $("calc-answer").hidden = true;
    $("calc-headline").hidden = true;
    if (runtimeReady) setState("ready");
    return;
  }
  const reply = await calculator.ask({ op: "assess", fields });
  if (isStale() || !reply) return;
  // Counts the answers applied, so a test or benchmark can wait for the next one.
  resultBox.dataset.answers = String(++answers);
  $("calc-hint").hidden = true;
  if (reply.ok) {
    clearErrors();
    // A link may say free-return=yes; the box shows what the engine understood.
    if ("free-return" in fromLink) {
      $("free-return").checked = reply.result.case.free_return;
      delete fromLink["free-return"];
    }
    renderAnswer(reply.result);
    setState("ready");
    afterFirstAnswer();
  } else {
    const wait = lastInputAt + TYPING_PAUSE_MS - performance.now();
    if (wait > 0) errorTimer = setTimeout(applyError, wait, reply.error);
    else applyError(reply.error);
    afterFirstAnswer();
  }
}

const update = coalesced(assessForm);

let stageReached = 0;

function onProgress(loaded, total) {
  heardFromStart();
  if (stageReached !== 1 || !total) return;
  const share = Math.min(loaded / total, 0.99);
  $("calc-progress-bar").value = share;
  $("calc-status").textContent = `${STAGES.download[1]} ${Math.floor(share * 100)}%`;
}

function onStage(stage) {
  const [step, text] = STAGES[stage] ?? [0, stage];
  heardFromStart();
  // Two start-up paths may both say a stage; the page only ever moves forward.
  if (step <= stageReached) return;
  stageReached = step;
  $("calc-progress-bar").value = step - 1;
  $("calc-status").textContent = text;
  if (stage === "ready") {
    runtimeReady = true;
    clearTimeout(silenceTimer);
    // A start that was only slow: the notice goes, and the answer comes.
    $("calc-start-failed").hidden = true;
    $("calc-progress").hidden = true;
    if (!$("order-date").value) {
      update();
      afterFirstAnswer();
    }
  }
}

// ---------------------------------------------------------------- a start that fails

let silenceTimer = 0;
let startBroken = false;

/** Any news from the starting worker: the silence counts again from now. */
function heardFromStart() {
  clearTimeout(silenceTimer);
  if (!runtimeReady && !startBroken) silenceTimer = setTimeout(startFailed, START_SILENCE_MS, "stalled", "");
}

/**
 * Says, in the page's own words (written in by the build), that the start failed
 * or is stuck, with a way to try again; the form keeps what was typed. A stuck
 * start is left running: if it gets there after all, the notice goes.
 */
function startFailed(reason, detail) {
  clearTimeout(silenceTimer);
  runtimeReady = false;
  window.refundCalculatorTheme?.();
  const box = $("calc-start-failed");
  box.dataset.reason = reason;
  for (const part of box.querySelectorAll("[data-when]")) part.hidden = part.dataset.when !== reason;
  $("calc-start-reason").textContent = detail;
  $("calc-start-detail").hidden = !detail;
  box.hidden = false;
  $("calc-progress").hidden = true;
  setState("error");
}

function onFailed(message) {
  startBroken = true;
  startFailed("failed", oneLine(message));
}

/** A new worker from scratch; the form and its link stay as they are. */
function retryStart() {
  calculator?.stop();
  $("calc-start-failed").hidden = true;
  startBroken = false;
  stageReached = 0;
  $("calc-progress-bar").value = 0;
  $("calc-progress").hidden = false;
  setState("loading");
  calculator = new Calculator(onStage, onFailed);
  heardFromStart();
  // The form's answer, and a batch waiting for one, are asked for again.
  update();
  if ($("batch-csv").value.trim()) runBatch();
}

async function copyLink() {
  fragmentNow();
  const status = $("calc-action-status");
  const link = $("calc-link");
  try {
    await navigator.clipboard.writeText(location.href);
    link.hidden = true;
    status.textContent = "Link copied.";
  } catch {
    link.value = location.href;
    link.hidden = false;
    link.select();
    status.textContent = "Copy the link from the box.";
  }
}

function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function addToCalendar() {
  const status = $("calc-action-status");
  const reply = await calculator.ask({ op: "ics", fields: readFields() });
  if (!reply) return;
  if (reply.ok) {
    download(reply.result.filename, reply.result.ics, "text/calendar");
    status.textContent = `Saved ${reply.result.filename}.`;
  } else {
    applyError(reply.error);
  }
}

// ---------------------------------------------------------------- many orders

const batch = { rows: [], csv: "", sortKey: "rank", ascending: true, shown: BATCH_PAGE_ROWS };

function compareValues(a, b) {
  const empty = (v) => v === null || v === undefined || v === "";
  if (empty(a) || empty(b)) return empty(a) - empty(b);
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

function sortedRows() {
  const wanted = $("batch-filter").value;
  const rows = wanted ? batch.rows.filter((row) => row.status === wanted) : batch.rows;
  if (batch.sortKey === "rank" && batch.ascending) return rows;
  const key = batch.sortKey;
  const sign = batch.ascending ? 1 : -1;
  return rows
    .map((row, index) => [row, index])
    .sort(([a, i], [b, j]) => sign * compareValues(a[key], b[key]) || i - j)
    .map(([row]) => row);
}

function cellHTML(row, key) {
  const value = row[key];
  if (value === null || value === undefined) return "";
  if (key === "closes_on" || key === "act_by" || key === "fallback_closes_on") return showDate(value);
  if (key === "status") return escapeHTML(row.status_label);
  if (key === "family") return escapeHTML(row.family_label);
  if (key === "dispute_stage") return escapeHTML(row.dispute_stage_label);
  return escapeHTML(value);
}

function renderBatchTable() {
  const table = $("batch-table");
  const headers = BATCH_COLUMNS.map(([key, label]) => {
    const sorted = batch.sortKey === key;
    const aria = sorted ? ` aria-sort="${batch.ascending ? "ascending" : "descending"}"` : "";
    return `<th scope="col"${aria}><button type="button" data-sort="${key}">${label}</button></th>`;
  })
    .join("");
  table.tHead.innerHTML = `<tr>${headers}</tr>`;
  const rows = sortedRows();
  const shown = rows.slice(0, batch.shown);
  table.tBodies[0].innerHTML = shown
    .map(
      (row) =>
        `<tr data-line="${escapeHTML(row.line)}">${BATCH_COLUMNS.map(([key]) => `<td>${cellHTML(row, key)}</td>`).join("")}</tr>`,
    )
    .join("");
  $("batch-more").hidden = rows.length <= batch.shown;
  $("batch-more").textContent = `Show more rows (${shown.length} of ${rows.length} shown)`;
}

function renderBatch(result) {
  batch.rows = (result.rows ?? []).map((row, index) => ({ ...row, rank: index + 1 }));
  batch.csv = result.csv ?? "";
  batch.sortKey = "rank";
  batch.ascending = true;
  batch.shown = BATCH_PAGE_ROWS;
  const errors = result.errors ?? [];
  const errorList = $("batch-errors");
  errorList.innerHTML = errors
    .slice(0, BATCH_ERRORS_SHOWN)
    .map((e) => `<li data-line="${escapeHTML(e.line)}" data-field="${escapeHTML(e.field)}">Line ${escapeHTML(e.line)}${e.order_id ? ` (${escapeHTML(e.order_id)})` : ""}: ${escapeHTML(e.message)}</li>`)
    .join("");
  errorList.hidden = errors.length === 0;
  const rest = errors.length - BATCH_ERRORS_SHOWN;
  $("batch-errors-rest").textContent = rest > 0 ? rest.toLocaleString() : "";
  $("batch-errors-more").hidden = rest <= 0;
  const rowWord = batch.rows.length === 1 ? "order" : "orders";
  const errorWord = errors.length === 1 ? "line" : "lines";
  $("batch-status").textContent =
    `${batch.rows.length} ${rowWord} checked` + (errors.length ? `, ${errors.length} ${errorWord} refused (listed below).` : ".");
  // The filter offers the statuses this batch has, in the engine's order of urgency.
  const statuses = [...new Set(batch.rows.map((row) => row.status))];
  $("batch-filter").innerHTML =
    `<option value="">Every status (${batch.rows.length})</option>` +
    statuses
      .map((status) => {
        const rows = batch.rows.filter((row) => row.status === status);
        return `<option value="${escapeHTML(status)}">${escapeHTML(rows[0].status_label)} (${rows.length})</option>`;
      })
      .join("");
  $("batch-filter-field").hidden = batch.rows.length === 0;
  $("batch-progress").hidden = true;
  $("batch-table-wrap").hidden = batch.rows.length === 0;
  $("batch-download").hidden = batch.rows.length === 0 && errors.length === 0;
  renderBatchTable();
  performance.measure("calc:batch-render", "calc:batch-answer");
}

async function checkBatch(isStale) {
  const csv = $("batch-csv").value;
  if (!csv.trim()) {
    renderBatch({ rows: [], errors: [] });
    $("batch-status").textContent = "";
    return;
  }
  const lines = csv.trim().split("\n").length - 1;
  const bar = $("batch-progress");
  $("batch-status").textContent = `Checking ${lines.toLocaleString()} ${lines === 1 ? "order" : "orders"}…`;
  // Indeterminate until the engine says how far it has got.
  bar.removeAttribute("value");
  bar.hidden = false;
  const onProgress = (done, total) => {
    if (isStale() || !total) return;
    bar.max = total;
    bar.value = done;
    $("batch-status").textContent =
      `Checking ${done.toLocaleString()} of ${total.toLocaleString()} ${total === 1 ? "order" : "orders"}…`;
  };
  batchesRunning += 1;
  let reply;
  try {
    reply = await calculator.ask({ op: "batch", csv, today: readFields().today }, onProgress);
  } finally {
    batchesRunning -= 1;
  }
  if (isStale() || !reply) return;
  performance.mark("calc:batch-answer");
  if (reply.ok) renderBatch(reply.result);
  else {
    renderBatch({ rows: [], errors: [] });
    $("batch-status").textContent = reply.error.message;
  }
}

const runBatch = coalesced(checkBatch);

// ---------------------------------------------------------------- what happened

// The engine's field table (calculator.fields), written into the page by the build:
// which fields matter in which situation, known before Python has started.
let fieldSpec = readFieldSpec();
let situation = null;

function hasValue(input) {
  // Today's date holds the reader's own date: it counts only once the reader types one.
  if (input.id === "today") return filled.has("today");
  if (input.type === "checkbox") return input.checked;
  if (input.tagName === "SELECT") return input.selectedIndex > 0;
  return input.value !== "" || input.id in fromLink;
}

// The form's groups in the build's order, for putting them back after a situation
// moved the group that decides its dates to the top.
let groupsInOrder = null;

/** The engine's field table says which group to ask first in a situation; move it there. */
function orderGroups() {
  const box = $("calc-fields");
  groupsInOrder ??= [...box.querySelectorAll(":scope > fieldset")];
  // Once a situation is chosen its order stays, "more details" included: nothing jumps.
  const lead = situation ? fieldSpec.find((f) => f.asked_first && f.situations.includes(situation)) : null;
  const first = lead ? $(lead.name)?.closest("fieldset") : null;
  const wanted = first ? [first, ...groupsInOrder.filter((set) => set !== first)] : groupsInOrder;
  const now = [...box.querySelectorAll(":scope > fieldset")];
  // Moving a group would take the focus out of a field being typed in: only when needed.
  if (wanted.every((set, i) => set === now[i])) return;
  box.append(...wanted);
}

function showFields() {
  const every = form.dataset.every === "true" || !situation || !fieldSpec;
  if (fieldSpec) orderGroups();
  for (const field of fieldSpec ?? []) {
    const input = $(field.name);
    const box = input?.closest(".rc-field");
    if (!box) continue;
    // A field that holds something is never hidden: it counts in the answer.
    box.hidden = !(every || field.required || field.situations.includes(situation) || hasValue(input));
  }
  if (every) for (const box of form.querySelectorAll("#calc-fields .rc-field")) box.hidden = false;
  for (const set of form.querySelectorAll("#calc-fields fieldset")) {
    set.hidden = [...set.querySelectorAll(".rc-field")].every((box) => box.hidden);
  }
  $("calc-more").hidden = every;
  $("calc-more").setAttribute("aria-expanded", String(every));
}

function chooseSituation(button) {
  situation = button.dataset.situation;
  form.dataset.chosen = situation;
  form.dataset.every = "false";
  for (const other of form.querySelectorAll("[data-situation]")) {
    other.setAttribute("aria-pressed", String(other === button));
  }
  showFields();
}

function readFieldSpec() {
  try {
    const table = JSON.parse($("calc-field-table")?.textContent ?? "null");
    return Array.isArray(table) ? table : null;
  } catch {
    return null; // without it every field stays shown, which always works
  }
}

// ---------------------------------------------------------------- offline copy

// After the first answer, the site's service worker (sw.js, written by the build)
// keeps every file of this build for the next visit, with or without a network.
// Without service workers the page works exactly as before.
function keepOffline() {
  const workers = navigator.serviceWorker;
  if (!workers || !window.isSecureContext) return;
  const script = new URL("../../sw.js", import.meta.url);
  // The browser looks for a new build by asking the host whether sw.js changed, and
  // a host that answers by date says "not modified" when a rollback or a copy kept
  // the date. Fetched past every cache first, its bytes as they are now are what the
  // browser then compares, so the content decides. Offline there is nothing to check.
  const fresh = navigator.onLine ? fetch(script, { cache: "reload" }) : Promise.resolve();
  fresh
    .catch(() => {})
    .then(() => workers.register(script, { updateViaCache: "none" }))
    .then((registration) => {
      if (registration?.active) registration.update().catch(() => {});
      watchForUpdates(registration);
    }, () => {});
  workers.ready.then(() => {
    resultBox.dataset.offline = "ready";
  });
}

// A newer build waits, whole, until this page lets it take over: the page keeps
// running on the set it started with and says that an update is ready.
function watchForUpdates(registration) {
  if (!registration) return; // a browser that blocks service workers may say nothing
  const offer = () => {
    if (registration.waiting && navigator.serviceWorker.controller) $("calc-updated").hidden = false;
  };
  offer();
  registration.addEventListener("updatefound", () => {
    const incoming = registration.installing;
    incoming?.addEventListener("statechange", offer);
  });
  let reloading = false;
  // Another tab let the new set take over: this page still runs the old one, so it
  // keeps offering the reload, which now simply loads the page anew.
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
    else $("calc-updated").hidden = false;
  });
  $("calc-reload").addEventListener("click", () => {
    reloading = true;
    if (registration.waiting) registration.waiting.postMessage("activate");
    else location.reload();
  });
}

let settled = false;

/** Once the page has answered (or cannot): the work that must not delay the answer. */
// The theme's script and the offline copy are real work on a phone's few cores:
// they start once the reader pauses, so no keystroke waits behind them, and at the
// latest this long after the first answer.
const START_PAUSE_MS = 1000;
const START_LATEST_MS = 15000;
let startTimer = 0;

let batchesRunning = 0;

function startRest() {
  clearTimeout(startTimer);
  // A batch keeps both cores busy: the rest waits until it is done, then for a pause.
  if (batchesRunning > 0) {
    startTimer = setTimeout(startRest, START_PAUSE_MS);
    return;
  }
  startTimer = -1;
  window.refundCalculatorTheme?.();
  keepOffline();
}

/** After an edit: the background start waits for the next pause. */
function postponeRest() {
  if (startTimer <= 0) return;
  clearTimeout(startTimer);
  startTimer = setTimeout(startRest, START_PAUSE_MS);
}

function afterFirstAnswer() {
  if (settled) return;
  settled = true;
  startTimer = setTimeout(startRest, START_PAUSE_MS);
  setTimeout(() => startTimer > 0 && startRest(), START_LATEST_MS);
}

// ---------------------------------------------------------------- start

function start() {
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    unavailable();
    return;
  }
  calculator = new Calculator(onStage, onFailed);
  heardFromStart();
  $("calc-retry").addEventListener("click", retryStart);
  // A field the browser scrolls to must not land under the headline that stays on top.
  if (typeof ResizeObserver === "function") {
    // Set as the root's own, uninherited property: a custom property there would
    // restyle the whole page each time the headline's height changes.
    let summaryHeight = -1;
    new ResizeObserver(([entry]) => {
      const height = Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? entry.target.getBoundingClientRect().height);
      if (height === summaryHeight) return;
      summaryHeight = height;
      document.documentElement.style.scrollPaddingTop = `calc(2.4rem + ${height}px)`;
    }).observe($("calc-summary"));
  }
  // A share link already says what happened: its form opens whole.
  if (fillFromFragment()) form.dataset.every = "true";
  else $("today").value = localToday();
  for (const button of form.querySelectorAll("[data-situation]")) {
    button.addEventListener("click", () => chooseSituation(button));
  }
  $("calc-more").addEventListener("click", () => {
    form.dataset.every = "true";
    showFields();
  });
  showFields();
  fragmentNow();
  const onEdit = (event) => {
    if (FIELDS.includes(event.target.name)) filled.add(event.target.name);
    delete fromLink[event.target.id];
    lastInputAt = performance.now();
    postponeRest();
    update();
    fragmentSoon();
    // The batch counts from the same today, so a new today re-checks it.
    if (event.target.id === "today" && event.type === "change" && $("batch-csv").value.trim()) {
      runBatch();
    }
  };
  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("hashchange", () => {
    clearTimeout(fragmentTimer);
    if (location.hash !== fragmentFor(readFields()) && fillFromFragment()) update();
  });
  // Leaving or hiding the page mid-pause still leaves the link saying what was typed.
  window.addEventListener("pagehide", fragmentNow);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") fragmentNow();
  });
  $("calc-copy").addEventListener("click", copyLink);
  $("calc-ics").addEventListener("click", addToCalendar);
  $("batch-csv").addEventListener("input", runBatch);
  $("batch-file").addEventListener("change", async (event) => {
    const file = event.target.files?.[0];
    if (!file) return;
    $("batch-csv").value = await file.text();
    runBatch();
  });
  $("batch-table").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-sort]");
    if (!button) return;
    const key = button.dataset.sort;
    batch.ascending = batch.sortKey === key ? !batch.ascending : true;
    batch.sortKey = key;
    renderBatchTable();
    $("batch-table").querySelector(`button[data-sort="${CSS.escape(key)}"]`)?.focus();
  });
  $("batch-filter").addEventListener("change", renderBatchTable);
  $("batch-more").addEventListener("click", () => {
    batch.shown += BATCH_PAGE_ROWS;
    renderBatchTable();
  });
  $("batch-download").addEventListener("click", () => download("refund-deadlines.csv", batch.csv, "text/csv"));
  update();
}

start();
