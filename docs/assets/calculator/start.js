// Starts the calculator's worker first thing on its page. The site build puts this
// script, inline, at the top of the calculator page's <head>: starting Python is
// most of the reader's wait, and from here it overlaps everything else the page
// loads. calculator.js takes the worker over, with any messages it sent meanwhile.
(function () {
  // Opened as a file, or in a browser that cannot run it: the page itself says so.
  if (location.protocol === "file:") return;
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") return;
  try {
    var early = [];
    var worker = new Worker(document.currentScript.dataset.worker, { type: "module" });
    worker.onmessage = function (event) {
      early.push(event);
    };
    worker.onerror = function (event) {
      event.preventDefault();
      early.push(event);
    };
    window.refundCalculatorWorker = { worker: worker, early: early };
  } catch (error) {
    // calculator.js starts a worker again and reports what goes wrong.
  }
})();
