// The site's offline copy. sitebuild/offline.py writes this file into the built
// site as sw.js, with PRECACHE naming every file of this build and its hash.
//
// The files are kept as one set: the calculator's snapshot only restores on the
// very runtime files it was made from, so a page must never get a mix of two
// builds. A new build is a new set under a new name; it is downloaded whole, every
// file checked against its hash, while the old set goes on serving; only when all
// of it is in does this worker take over, and the old set is then deleted. The
// calculator page registers this worker and offers a reload when a new set is
// waiting. Where service workers are missing, nothing here runs and the site is
// served as before.

const PRECACHE = /* PRECACHE */ null;
const PREFIX = "refund-guide-";
const CACHE = PREFIX + PRECACHE.version;
const SCOPE = new URL(self.registration.scope);
const FILES = new Set(PRECACHE.files.map((file) => new URL(file.url, SCOPE).href));
// The snapshot is kept unpacked: the calculator's loader reads either form, and a
// repeat visit then skips gunzipping it.
const UNPACK = /\/assets\/calculator\/snapshot-[0-9a-f]+\.bin\.gz$/;

async function download(file) {
  const url = new URL(file.url, SCOPE).href;
  // Revalidated, so a file changed since this list was made fails its hash
  // rather than slip into the set; content-hashed files answer "not modified".
  // A host that revalidates by date alone also says "not modified" for a file
  // changed under the same date (a rollback, a copy that kept its dates): the
  // browser's copy then fails the hash, and the file is fetched again past every
  // cache, so the content decides and never a date.
  let response;
  try {
    response = await fetch(url, { cache: "no-cache", integrity: file.integrity });
  } catch {
    response = await fetch(url, { cache: "reload", integrity: file.integrity });
  }
  if (!response.ok) throw new Error(`${file.url}: HTTP ${response.status}`);
  if (!UNPACK.test(url) || typeof DecompressionStream !== "function") return [url, response];
  const bytes = await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).blob();
  const headers = { "Content-Type": "application/octet-stream", "Content-Length": String(bytes.size) };
  return [url, new Response(bytes, { status: 200, headers })];
}

async function install() {
  // All of it or nothing: a failed file leaves no half-made set behind.
  try {
    const responses = [];
    for (const file of PRECACHE.files) responses.push(await download(file));
    const cache = await caches.open(CACHE);
    await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(install());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((names) =>
      Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))),
    ),
  );
});

// The page asks for the waiting set to take over once the reader chose to reload.
self.addEventListener("message", (event) => {
  if (event.data === "activate") self.skipWaiting();
});

/** The kept file a request stands for: a page is the same file whatever its query
 * (the fragment never reaches here), and a folder's index.html is the folder. */
function keyFor(url, navigation) {
  if (!navigation) return url.href;
  const path = url.pathname.endsWith("/index.html") ? url.pathname.slice(0, -"index.html".length) : url.pathname;
  return url.origin + path;
}

async function answer(request) {
  const url = new URL(request.url);
  const navigation = request.mode === "navigate";
  const key = keyFor(url, navigation);
  // A folder asked for without its slash goes where the server would send it, so
  // that the page's relative links resolve as they do online.
  if (navigation && !FILES.has(key) && FILES.has(`${key}/`)) {
    return Response.redirect(`${key}/${url.search}`, 301);
  }
  if (FILES.has(key)) {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key);
    if (hit) return hit;
  }
  try {
    return await fetch(request);
  } catch (error) {
    if (!navigation) throw error;
    const missing = await caches.match(new URL("404.html", SCOPE).href, { cacheName: CACHE });
    if (missing) return new Response(missing.body, { status: 404, headers: missing.headers });
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE.href)) return;
  event.respondWith(answer(request));
});
