// Page weight and time to hydrated, as a first visit in Chromium sees them (scripts/bench.sh).
//   BENCH_URL=http://127.0.0.1:PORT BENCH_COOKIE=<session of a family> node bench/pages.mjs
// For each page: the bytes downloaded (decoded, and as sent over the wire), the JavaScript and
// WebAssembly among them, and the median time from navigation to hydrated (the moment the app
// sets window.__xingfuHydrated) at 1x and 4x CPU throttling, each visit with an empty cache.
import { chromium } from "@playwright/test";

const base = process.env.BENCH_URL;
const cookie = process.env.BENCH_COOKIE;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const pages = [
  ["/", false],
  ["/canteen/1", false],
  ["/canteen/order", true],
  ["/school", true],
  ["/volunteer", true],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/** One cold visit: bytes by kind and the hydration time in ms (null if it never hydrated). */
async function visit(path, signedIn, cpuRate) {
  const context = await browser.newContext();
  if (signedIn) {
    await context.addCookies([{ name: "xf_session", value: cookie, url: base }]);
  }
  await context.addInitScript(() => {
    Object.defineProperty(window, "__xingfuHydrated", {
      configurable: true,
      set(value) {
        window.__benchHydratedAt = performance.now();
        Object.defineProperty(window, "__xingfuHydrated", { value, writable: true });
      },
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const responses = [];
  page.on("response", (r) => responses.push(r));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuRate });
  await page.goto(base + path, { waitUntil: "load" });
  let hydratedAt = null;
  try {
    await page.waitForFunction(() => window.__benchHydratedAt !== undefined, null, { timeout: 30_000 });
    hydratedAt = await page.evaluate(() => window.__benchHydratedAt);
  } catch {
    errors.push("not hydrated within 30 s");
  }
  await page.waitForLoadState("networkidle");
  const bytes = { raw: 0, sent: 0, codeRaw: 0, codeSent: 0, files: 0 };
  for (const r of responses) {
    const body = await r.body().catch(() => Buffer.alloc(0));
    const sizes = await r.request().sizes().catch(() => ({ responseBodySize: body.length }));
    const url = r.url();
    const isCode = /\.(js|wasm)(\?|$)/.test(url);
    bytes.raw += body.length;
    bytes.sent += sizes.responseBodySize;
    bytes.files += 1;
    if (isCode) {
      bytes.codeRaw += body.length;
      bytes.codeSent += sizes.responseBodySize;
    }
  }
  await context.close();
  return { bytes, hydratedAt, errors };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};
const kib = (n) => (n / 1024).toFixed(1);
const ms = (x) => (x === null ? "-" : x.toFixed(0));

console.log("| page | files | raw KiB | as sent KiB | JS+wasm raw KiB | JS+wasm as sent KiB | hydrated 1x ms | hydrated 4x ms |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
let failed = false;
for (const [path, signedIn] of pages) {
  const times = { 1: [], 4: [] };
  let bytes;
  for (const rate of [1, 4]) {
    for (let i = 0; i < runs; i++) {
      const v = await visit(path, signedIn, rate);
      bytes ??= v.bytes;
      times[rate].push(v.hydratedAt);
      if (v.errors.length) {
        failed = true;
        console.error(`${path} (${rate}x): ${v.errors.join("; ")}`);
      }
    }
  }
  console.log(`| ${path} | ${bytes.files} | ${kib(bytes.raw)} | ${kib(bytes.sent)} | ${kib(bytes.codeRaw)} | ${kib(bytes.codeSent)} | ${ms(median(times[1]))} | ${ms(median(times[4]))} |`);
}
await browser.close();
if (failed) process.exitCode = 1;
