// The offline copy: after the first answer, the site's service worker (sw.js, written
// by the build) keeps every file of this build for the next visit, with or without a
// network. Without service workers the page works exactly as before.

/** Registers the service worker at `script`; `onReady` runs once the copy is kept. */
export function keepOffline(script, onReady, onUpdate) {
  const workers = navigator.serviceWorker;
  if (!workers || !window.isSecureContext) return;
  // The browser looks for a new build by asking the host whether sw.js changed, and
  // a host that answers by date says "not modified" when a rollback or a copy kept
  // the date. Fetched past every cache first, its bytes as they are now are what the
  // browser then compares, so the content decides. Offline there is nothing to check.
  const fresh = navigator.onLine ? fetch(script, { cache: "reload" }) : Promise.resolve();
  fresh
    .catch(() => {})
    .then(() => workers.register(script, { updateViaCache: "none" }))
    .then(
      (registration) => {
        if (registration?.active) registration.update().catch(() => {});
        watchForUpdates(registration, onUpdate);
      },
      () => {},
    );
  workers.ready.then(onReady);
}

/**
 * A newer build waits, whole, until this page lets it take over: the page keeps
 * running on the set it started with and says that an update is ready (`offer`, with
 * a function that reloads into the new set).
 */
function watchForUpdates(registration, offer) {
  if (!registration) return; // a browser that blocks service workers may say nothing
  let reloading = false;
  const reload = () => {
    reloading = true;
    if (registration.waiting) registration.waiting.postMessage("activate");
    else location.reload();
  };
  const check = () => {
    if (registration.waiting && navigator.serviceWorker.controller) offer(reload);
  };
  check();
  registration.addEventListener("updatefound", () => {
    registration.installing?.addEventListener("statechange", check);
  });
  // Another tab let the new set take over: this page still runs the old one, so it
  // keeps offering the reload, which now simply loads the page anew.
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
    else offer(reload);
  });
}
