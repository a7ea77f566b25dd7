// Side-by-side, in one node process, on the same texts: the extract crate compiled to wasm
// and the `compromise` NLP library's number, percentage and money extraction.
//
// Prints throughput in MB/s for both, and writes compromise-output.json: the figures
// compromise found per article, mapped to our unit families, which `cargo xtask eval`
// (metricscope-eval) scores beside ours with the same code.
//
//   cd crates/extract/bench-js && npm install && \
//   (cd wasm && cargo build --release --target wasm32-unknown-unknown) && node bench.mjs

import nlp from 'compromise';
import fs from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const root = path.resolve(here, '../../..');
const dirs = ['corpus', 'crates/extract/eval/articles', 'crates/extract/eval/holdout'];
const articles = dirs.flatMap((d) =>
  fs.readdirSync(path.join(root, d)).filter((f) => f.endsWith('.txt')).sort().map((f) => `${d}/${f}`));
const texts = articles.map((a) => fs.readFileSync(path.join(root, a), 'utf8'));
const totalBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

// Currency words and symbols to ISO codes: the same table our extractor uses, applied to
// what compromise reports, so that its money figures can be scored at all.
const ISO = [
  [/^(us\$|u\.s\.\$)/i, 'USD'], [/^hk\$/i, 'HKD'], [/^\$/, 'USD'], [/^[¥￥]/, 'CNY'], [/^€/, 'EUR'], [/^£/, 'GBP'],
  [/yuan|renminbi|rmb|cny/i, 'CNY'], [/hong kong dollar|hkd/i, 'HKD'], [/dollar|usd/i, 'USD'],
  [/euro|eur/i, 'EUR'], [/pound|gbp/i, 'GBP'], [/yen|jpy/i, 'JPY'],
];
function iso(s) {
  for (const [re, code] of ISO) if (re.test(s)) return code;
  return null;
}

function compromiseFigures(text) {
  const doc = nlp(text);
  const money = new Set(doc.money().json().map((m) => m.text.trim()));
  const out = [];
  for (const n of doc.numbers().json()) {
    const num = n.number ?? {};
    if (typeof num.num !== 'number' || !Number.isFinite(num.num)) continue;
    const surface = n.text.trim();
    const isPercent = num.suffix === '%' || /percent|per cent/i.test(surface + ' ' + (num.unit ?? ''));
    let unit = 'count';
    let currency = null;
    if (isPercent) unit = 'percent';
    else if ([...money].some((m) => m.includes(surface.replace(/[.,]$/, ''))) || num.prefix) {
      currency = iso(`${num.prefix ?? ''}`) ?? iso(`${num.unit ?? ''} ${surface}`);
      if (currency) unit = 'currency';
    } else if (num.unit && iso(num.unit)) {
      unit = 'currency';
      currency = iso(num.unit);
    }
    out.push({ surface, value: num.num, unit, currency });
  }
  return out;
}

function timeIt(label, fn) {
  // Warm up, then run whole passes over all texts for at least two seconds.
  for (let i = 0; i < 2; i++) texts.forEach(fn);
  let passes = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < 2.0) {
    texts.forEach(fn);
    passes++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const mbs = (totalBytes * passes) / elapsed / 1e6;
  console.log(`${label.padEnd(40)} ${mbs.toFixed(2).padStart(8)} MB/s  (${passes} passes over ${totalBytes} bytes in ${elapsed.toFixed(2)} s)`);
  return mbs;
}

const wasmPath = path.join(here, 'wasm/target/wasm32-unknown-unknown/release/extract_bench_wasm.wasm');
const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {});
const { input, run, memory } = instance.exports;
const encoded = texts.map((t) => Buffer.from(t, 'utf8'));
let wasmMetrics = 0;
function extractWasm(_t, i) {
  const bytes = encoded[i];
  const ptr = input(bytes.length);
  new Uint8Array(memory.buffer, ptr, bytes.length).set(bytes);
  wasmMetrics += run();
}

console.log(`${articles.length} articles, ${totalBytes} bytes, node ${process.version}`);
timeIt('extract (wasm32, opt-level z)', extractWasm);
timeIt('compromise numbers+percentages+money', (t) => {
  const doc = nlp(t);
  doc.numbers().json();
  doc.percentages().json();
  doc.money().json();
});

const output = {};
articles.forEach((a, i) => { output[a] = compromiseFigures(texts[i]); });
fs.writeFileSync(path.join(here, 'compromise-output.json'), JSON.stringify(output, null, 1));
console.log(`wrote compromise-output.json (${Object.values(output).flat().length} figures)`);
