// Page glue for the refund calculator: form <-> worker <-> drawn answer.
//
// Every rule lives in the Python engine that the worker runs, and every sentence in
// the engine's catalogue: the engine's come from the worker in the page's language,
// the page's own are written into the page by the build (labels.mjs). This module
// wires the parts together and starts them; each part is a module of its own that
// does nothing on import: the worker client (client.mjs, protocol.mjs), the form
// and its link (form.mjs), the first question (situations.mjs), the answer
// (draw.mjs, answer.mjs), the batch panel (batch.mjs) and the offline copy (offline.mjs).

import { Answer } from "./answer.mjs";
import { Batch } from "./batch.mjs";
import { Calculator } from "./client.mjs";
import { Form, localToday } from "./form.mjs";
import { Words, readLabels } from "./labels.mjs";
import { keepOffline } from "./offline.mjs";
import { OP, STAGES, engineLanguage } from "./protocol.mjs";
import { Situations } from "./situations.mjs";

// An error is shown only once typing pauses this long: a date typed digit by digit
// passes through impossible dates on its way, and those should not flash up.
const TYPING_PAUSE_MS = 150;
// A start that sends no news for this long has failed as far as the reader can tell:
// a runtime that cannot start (a damaged file, a blocked compile) may never say so.
const START_SILENCE_MS = 30000;
// The theme's script and the offline copy are real work on a phone's few cores:
// they start once the reader pauses, so no keystroke waits behind them, and at the
// latest this long after the first answer.
const START_PAUSE_MS = 1000;
const START_LATEST_MS = 15000;

const $ = (id) => document.getElementById(id);
// The guide's links lead into the page's own language: every language's calculator
// page is `calculator/` in its root, and the scripts are shared at the site's root.
const siteRoot = new URL("../", document.baseURI);
const pageLang = document.documentElement.lang || "en";
const words = new Words(readLabels(document), pageLang);
const form = new Form(document, location, history);
const situations = new Situations(document, form);
const answer = new Answer(document, words, siteRoot);
const resultBox = $("calc-result");

let calculator = null;
let runtimeReady = false;
let answers = 0;
let lastInputAt = 0;
let errorTimer = 0;
let batchesRunning = 0;

const batch = new Batch(document, words, {
  ask: (message, onProgress) => calculator.ask(message, onProgress),
  today: () => form.read().today,
  download,
  running: (delta) => {
    batchesRunning += delta;
  },
});

function oneLine(text) {
  const lines = String(text ?? "").trim().split("\n").filter(Boolean);
  if (lines.length === 0) return "";
  return lines[0].startsWith("Traceback") ? lines[lines.length - 1] : lines[0];
}

/** An error reply's words: the engine's message, or the page's label for the worker's own. */
function errorText(error) {
  return error.message ?? words.text(error.label);
}

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

const runBatch = coalesced((isStale) => batch.check(isStale));

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
  form.showError(error.field, errorText(error));
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
  form.syncFragment();
}

async function assessForm(isStale) {
  const fields = form.read();
  if (!calculator) return;
  clearTimeout(errorTimer);
  if (!fields["order-date"]) {
    form.clearErrors();
    $("calc-hint").hidden = false;
    $("calc-answer").hidden = true;
    $("calc-headline").hidden = true;
    if (runtimeReady) setState("ready");
    return;
  }
  const reply = await calculator.ask({ op: OP.assess, fields });
  if (isStale() || !reply) return;
  // Counts the answers applied, so a test or benchmark can wait for the next one.
  resultBox.dataset.answers = String(++answers);
  $("calc-hint").hidden = true;
  if (reply.ok) {
    form.clearErrors();
    // A link may say free-return=yes; the box shows what the engine understood.
    if ("free-return" in form.fromLink) {
      $("free-return").checked = reply.result.case.free_return;
      delete form.fromLink["free-return"];
    }
    answer.draw(reply.result);
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

// ---------------------------------------------------------------- the start

let stageReached = 0;

function onProgress(loaded, total) {
  heardFromStart();
  if (stageReached !== 1 || !total) return;
  const share = Math.min(loaded / total, 0.99);
  $("calc-progress-bar").value = share;
  $("calc-status").textContent = words.text("stage_download_share", { percent: words.number(Math.floor(share * 100)) });
}

function onStage(stage) {
  const step = STAGES.indexOf(stage) + 1;
  heardFromStart();
  // Two start-up paths may both say a stage; the page only ever moves forward.
  if (step <= stageReached) return;
  stageReached = step;
  $("calc-progress-bar").value = step - 1;
  $("calc-status").textContent = words.text(`stage_${stage}`);
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

function newCalculator(started = null) {
  calculator = new Calculator({
    workerURL: new URL("./worker.mjs", import.meta.url),
    started,
    lang: engineLanguage(pageLang),
    news: {
      onStage,
      onProgress,
      onFailed,
      onRuntime: (path) => {
        resultBox.dataset.runtime = path;
      },
    },
  });
  heardFromStart();
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
  newCalculator();
  // The form's answer, and a batch waiting for one, are asked for again.
  update();
  if ($("batch-csv").value.trim()) runBatch();
}

// ---------------------------------------------------------------- sharing and the calendar

async function copyLink() {
  fragmentNow();
  const status = $("calc-action-status");
  const link = $("calc-link");
  try {
    await navigator.clipboard.writeText(location.href);
    link.hidden = true;
    status.textContent = words.text("link_copied");
  } catch {
    link.value = location.href;
    link.hidden = false;
    link.select();
    status.textContent = words.text("copy_from_box");
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
  const reply = await calculator.ask({ op: OP.ics, fields: form.read() });
  if (!reply) return;
  if (reply.ok) {
    download(reply.result.filename, reply.result.ics, "text/calendar");
    $("calc-action-status").textContent = words.text("saved_file", { name: reply.result.filename });
  } else {
    applyError(reply.error);
  }
}

// ---------------------------------------------------------------- after the first answer

let settled = false;
let startTimer = 0;
let reloadIntoUpdate = null;

/** Once the page has answered (or cannot): the work that must not delay the answer. */
function startRest() {
  clearTimeout(startTimer);
  // A batch keeps both cores busy: the rest waits until it is done, then for a pause.
  if (batchesRunning > 0) {
    startTimer = setTimeout(startRest, START_PAUSE_MS);
    return;
  }
  startTimer = -1;
  window.refundCalculatorTheme?.();
  keepOffline(
    new URL("../../sw.js", import.meta.url),
    () => {
      resultBox.dataset.offline = "ready";
    },
    (reload) => {
      reloadIntoUpdate = reload;
      $("calc-updated").hidden = false;
    },
  );
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
  // The page's inline script may have started the worker already (see start.js).
  const started = window.refundCalculatorWorker;
  delete window.refundCalculatorWorker;
  newCalculator(started);
  $("calc-retry").addEventListener("click", retryStart);
  $("calc-reload").addEventListener("click", () => reloadIntoUpdate?.());
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
  if (form.fillFromFragment()) form.element.dataset.every = "true";
  else $("today").value = localToday();
  situations.listen();
  situations.show();
  fragmentNow();
  const onEdit = (event) => {
    if (form.names.includes(event.target.name)) form.filled.add(event.target.name);
    delete form.fromLink[event.target.id];
    lastInputAt = performance.now();
    postponeRest();
    update();
    fragmentSoon();
    // The batch counts from the same today, so a new today re-checks it.
    if (event.target.id === "today" && event.type === "change" && $("batch-csv").value.trim()) {
      runBatch();
    }
  };
  form.element.addEventListener("input", onEdit);
  form.element.addEventListener("change", onEdit);
  form.element.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("hashchange", () => {
    clearTimeout(fragmentTimer);
    if (location.hash !== form.fragment() && form.fillFromFragment()) update();
  });
  // Leaving or hiding the page mid-pause still leaves the link saying what was typed.
  window.addEventListener("pagehide", fragmentNow);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") fragmentNow();
  });
  $("calc-copy").addEventListener("click", copyLink);
  $("calc-ics").addEventListener("click", addToCalendar);
  batch.listen(runBatch);
  update();
}

start();
