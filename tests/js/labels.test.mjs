import assert from "node:assert/strict";
import { test } from "node:test";

import { Words, fill, fillHTML } from "../../docs/assets/calculator/labels.mjs";
import { engineLanguage } from "../../docs/assets/calculator/protocol.mjs";

const PT = {
  text: { saved_file: "Arquivo salvo: {name}." },
  counted: { batch_checked: { one: "{n} pedido verificado.", other: "{n} pedidos verificados." } },
};

test("placeholders are filled by name, and text in HTML is escaped around them", () => {
  assert.equal(fill("Saved {name}.", { name: "a.ics" }), "Saved a.ics.");
  assert.equal(fill("{missing} stays", {}), "{missing} stays");
  assert.equal(fillHTML("<b>{x}</b> & {y}", { x: "<i>x</i>" }), "&lt;b&gt;<i>x</i>&lt;/b&gt; &amp; ");
});

test("the plural form is the page language's: Portuguese counts 0 as one", () => {
  const words = new Words(PT, "pt-BR");
  assert.equal(words.count("batch_checked", 0), "0 pedido verificado.");
  assert.equal(words.count("batch_checked", 1), "1 pedido verificado.");
  assert.equal(words.count("batch_checked", 1200), "1.200 pedidos verificados.");
  assert.equal(new Words(PT, "es").count("batch_checked", 0), "0 pedidos verificados.");
});

test("dates are formatted in the page's language, not the machine's", () => {
  const html = new Words(PT, "pt-BR").date("2026-12-15");
  assert.match(html, /^<time datetime="2026-12-15">/);
  assert.match(html, /dez/);
  assert.match(new Words(PT, "en").date("2026-12-15"), /Dec/);
  assert.equal(new Words(PT, "en").date(""), "");
});

test("a page's lang maps to the engine's language", () => {
  assert.equal(engineLanguage("pt"), "pt_BR");
  assert.equal(engineLanguage("pt-BR"), "pt_BR");
  assert.equal(engineLanguage("es-419"), "es");
  assert.equal(engineLanguage("en"), "en");
  assert.equal(engineLanguage("fr"), "en");
  assert.equal(engineLanguage(""), "en");
});
