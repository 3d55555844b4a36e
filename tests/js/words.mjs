// Test labels: the English page's, read from the same JSON the build writes (the
// pytest runner passes it in CALC_LABELS), or a small stand-in for a language.

import { Words } from "../../docs/assets/calculator/labels.mjs";

export function labels() {
  return JSON.parse(process.env.CALC_LABELS ?? '{"text": {}, "counted": {}}');
}

export function words(lang = "en", given = labels()) {
  return new Words(given, lang);
}
