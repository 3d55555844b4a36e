// The messages between the page and the calculator's worker, named once for both.
//
// In:  {id, op: OP.assess | OP.ics, fields, lang} or {id, op: OP.batch, csv, today, lang};
//      `lang` is the engine's language for the page's (engineLanguage).
// Out: {type: NEWS.stage, stage}  while loading (one of STAGES),
//      {type: NEWS.progress, loaded, total}  bytes of the runtime's big files so far,
//      {type: NEWS.failed, message}  when Python could not start,
//      {type: NEWS.runtime, path}  how the runtime started,
//      {type: NEWS.batchProgress, id, done, total}  rows of a batch assessed so far,
//      {type: NEWS.reply, id, json}  the bridge's JSON answer as text.
// An error of the worker itself carries a label key (ERROR) for the page to word.

export const OP = Object.freeze({ assess: "assess", ics: "ics", batch: "batch" });

export const NEWS = Object.freeze({
  stage: "stage",
  progress: "progress",
  failed: "failed",
  runtime: "runtime",
  batchProgress: "batch-progress",
  reply: "reply",
});

/** The start's stages in order; the page's labels word each one as `stage_<name>`. */
export const STAGES = Object.freeze(["download", "start", "calculator", "ready"]);

export const ERROR = Object.freeze({ noAnswer: "no_answer", unknownOperation: "unknown_operation" });

const ENGINE_LANGUAGES = { en: "en", es: "es", pt: "pt_BR" };

/** The engine's language for a page's `lang` ("es", "pt-BR", ...); English when it has none. */
export function engineLanguage(tag) {
  const first = String(tag ?? "").toLowerCase().split(/[-_]/)[0];
  return ENGINE_LANGUAGES[first] ?? "en";
}

/** A reply that says the worker could not answer, in the page's words (`error.label`). */
export function failedReply(label) {
  return JSON.stringify({ ok: false, error: { field: null, label } });
}
