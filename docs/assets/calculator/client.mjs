// The page's side of the worker: questions out, replies and news in (protocol.mjs).

import { ERROR, NEWS, failedReply } from "./protocol.mjs";

/**
 * One worker and the questions waiting on it. `started` is a worker the page's inline
 * script already made, with the news it heard meanwhile (see start.js); `news` has
 * onStage(stage), onProgress(loaded, total), onFailed(message) and onRuntime(path).
 * Every question goes with `lang`, the engine's language for the page.
 */
export class Calculator {
  constructor({ workerURL, started, news, lang }) {
    this.pending = new Map();
    this.progress = new Map();
    this.nextId = 1;
    this.lang = lang;
    this.worker = started?.worker ?? new Worker(workerURL, { type: "module" });
    this.worker.onmessage = ({ data }) => {
      if (data.type === NEWS.stage) news.onStage(data.stage);
      else if (data.type === NEWS.progress) news.onProgress(data.loaded, data.total);
      else if (data.type === NEWS.failed) news.onFailed(data.message);
      else if (data.type === NEWS.runtime) news.onRuntime(data.path);
      else if (data.type === NEWS.batchProgress) this.progress.get(data.id)?.(data.done, data.total);
      else if (data.type === NEWS.reply) {
        const resolve = this.pending.get(data.id);
        this.pending.delete(data.id);
        this.progress.delete(data.id);
        resolve?.(data.json);
      }
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      news.onFailed(event.message || "");
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
        performance.mark("calc:reply");
        resolve(parseReply(json));
      });
      this.worker.postMessage({ id, lang: this.lang, ...message });
    });
  }
}

/** The bridge's JSON text as a reply object; text that is no JSON is a failed reply. */
export function parseReply(json) {
  try {
    return JSON.parse(json);
  } catch {
    return JSON.parse(failedReply(ERROR.noAnswer));
  }
}
