// The calculator's snapshot, stored without what the runtime already has.
//
// A Pyodide memory snapshot is a short header and then the whole wasm memory: about
// 30 MB, half of it pages of zeros, and much of the rest the data the wasm file itself
// places in memory when it starts (its data segments), unchanged. Both cost bytes over
// the wire even gzipped, so the build stores the memory XORed with those segments, and
// only its pages that are then not all zeros; the page rebuilds the same bytes from
// the wasm it downloads anyway. A packed image (little-endian 32-bit words):
//
//   "PYSI", version 1, header length, image length, page size, data section length,
//   a bitmap of the pages kept (padded to 4 bytes), the header, the pages kept.
//
// packImage (the build, under Node) and unpackImage (the page) are exact inverses;
// the build checks that on every snapshot before shipping it.

const MAGIC = 0x49535950; // "PYSI"
const VERSION = 1;
const WORDS = 6;
const PAGE = 4096;
const DATA_SECTION = 11;

/** True when these bytes are a packed image (and not a plain Pyodide snapshot). */
export function isPacked(bytes) {
  return bytes.byteLength >= WORDS * 4 && new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true) === MAGIC;
}

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error("wasm: cut short");
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** The wasm's data section (a view into `wasm`): all unpacking needs of the runtime. */
export function dataSection(wasm) {
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    if (id === DATA_SECTION) return wasm.subarray(start, start + size);
    at = start + size;
  }
  throw new Error("wasm: no data section");
}

/** Each active segment's memory address and bytes. */
function* segments(section) {
  let [count, at] = leb(section, 0);
  while (count-- > 0) {
    let flags;
    [flags, at] = leb(section, at);
    if (flags === 2) [, at] = leb(section, at); // memory index
    let offset = null;
    if (flags !== 1) {
      if (section[at] !== 0x41) throw new Error("wasm: a data segment not at a constant address");
      [offset, at] = leb(section, at + 1);
      if (section[at++] !== 0x0b) throw new Error("wasm: a data segment's address is not constant");
    }
    let length;
    [length, at] = leb(section, at);
    if (offset !== null) yield [offset, section.subarray(at, at + length)];
    at += length;
  }
}

function xorSegments(memory, section) {
  for (const [offset, bytes] of segments(section)) {
    const into = memory.subarray(offset, offset + bytes.length);
    for (let i = 0; i < into.length; i++) into[i] ^= bytes[i];
  }
}

function layout(headerLength, imageLength, pageSize) {
  const pages = Math.ceil((imageLength - headerLength) / pageSize);
  const bitmapBytes = Math.ceil(pages / 32) * 4;
  return { pages, bitmapBytes, headerAt: WORDS * 4 + bitmapBytes };
}

/** The Pyodide snapshot `raw` packed against the wasm's data section. */
export function packImage(raw, section) {
  const words = new DataView(raw.buffer, raw.byteOffset);
  const headerLength = words.getUint32(4, true); // Pyodide's own header says where memory starts
  const memory = raw.slice(headerLength);
  xorSegments(memory, section);
  const { pages, bitmapBytes, headerAt } = layout(headerLength, raw.length, PAGE);
  const bitmap = new Uint8Array(bitmapBytes);
  const kept = [];
  for (let page = 0; page < pages; page++) {
    const bytes = memory.subarray(page * PAGE, (page + 1) * PAGE);
    if (bytes.some((byte) => byte !== 0)) {
      bitmap[page >> 3] |= 1 << (page & 7);
      kept.push(bytes);
    }
  }
  const size = headerAt + headerLength + kept.reduce((sum, bytes) => sum + bytes.length, 0);
  const packed = new Uint8Array(size);
  const head = new DataView(packed.buffer);
  [MAGIC, VERSION, headerLength, raw.length, PAGE, section.length].forEach((word, i) =>
    head.setUint32(i * 4, word, true),
  );
  packed.set(bitmap, WORDS * 4);
  packed.set(raw.subarray(0, headerLength), headerAt);
  let at = headerAt + headerLength;
  for (const bytes of kept) {
    packed.set(bytes, at);
    at += bytes.length;
  }
  return packed;
}

/** The Pyodide snapshot a packed image was made from, byte for byte. */
export function unpackImage(packed, section) {
  const head = new DataView(packed.buffer, packed.byteOffset);
  const [magic, version, headerLength, imageLength, pageSize, sectionLength] = Array.from(
    { length: WORDS },
    (_, i) => head.getUint32(i * 4, true),
  );
  if (magic !== MAGIC || version !== VERSION) throw new Error("snapshot: not a packed image");
  if (sectionLength !== section.length) throw new Error("snapshot: packed against another wasm");
  const { pages, headerAt } = layout(headerLength, imageLength, pageSize);
  const bitmap = packed.subarray(WORDS * 4, headerAt);
  const raw = new Uint8Array(imageLength);
  raw.set(packed.subarray(headerAt, headerAt + headerLength));
  const memory = raw.subarray(headerLength);
  let at = headerAt + headerLength;
  for (let page = 0; page < pages; page++) {
    if (!(bitmap[page >> 3] & (1 << (page & 7)))) continue;
    const length = Math.min(pageSize, memory.length - page * pageSize);
    memory.set(packed.subarray(at, at + length), page * pageSize);
    at += length;
  }
  if (at !== packed.length) throw new Error("snapshot: packed image of the wrong length");
  xorSegments(memory, section);
  return raw;
}
