// Page weight and time to hydrated, as a first visit in Chromium sees them (scripts/bench.sh).
//   BENCH_URL=http://127.0.0.1:PORT BENCH_COOKIE=<session of a family> node bench/pages.mjs
// For each page: the bytes downloaded (decoded, and as sent: brotli from this server), the
// JavaScript and WebAssembly fetched before the page was hydrated, and the median time from navigation to hydrated (the moment the app
// sets window.__xingfuHydrated) at 1x and 4x CPU throttling, and at 4x on a phone network as
// Lighthouse models one (150 ms round trip, 1.6 Mbit/s down), each visit with an empty cache.
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
async function visit(path, signedIn, cpuRate, phoneNetwork) {
  const context = await browser.newContext();
  if (signedIn) {
    await context.addCookies([{ name: "xf_session", value: cookie, url: base }]);
  }
  await context.addInitScript(() => {
    performance.setResourceTimingBufferSize(5000);
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
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuRate });
  if (phoneNetwork) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
  }
  await page.goto(base + path, { waitUntil: "load" });
  let hydratedAt = null;
  let startedAt = null;
  try {
    await page.waitForFunction(() => window.__benchHydratedAt !== undefined, null, { timeout: 60_000 });
    hydratedAt = await page.evaluate(() => window.__benchHydratedAt);
    startedAt = await page.evaluate(() => performance.getEntriesByName("xingfu-hydrate-start")[0]?.startTime ?? null);
  } catch {
    errors.push("not hydrated within 60 s");
  }
  await page.waitForLoadState("networkidle");
  // Resource Timing: decoded (raw) and encoded (as sent) body sizes of the page and every file.
  const bytes = await page.evaluate((hydrated) => {
    const nav = performance.getEntriesByType("navigation")[0];
    const out = { raw: nav.decodedBodySize, sent: nav.encodedBodySize, codeRaw: 0, codeSent: 0, files: 1, codeFiles: 0 };
    for (const r of performance.getEntriesByType("resource")) {
      out.raw += r.decodedBodySize;
      out.sent += r.encodedBodySize;
      out.files += 1;
      const isCode = /\.(js|wasm)(\?|$)/.test(r.name);
      if (isCode && (hydrated === null || r.responseEnd <= hydrated)) {
        out.codeRaw += r.decodedBodySize;
        out.codeSent += r.encodedBodySize;
        out.codeFiles += 1;
      }
    }
    return out;
  }, hydratedAt);
  await context.close();
  return { bytes, hydratedAt, startedAt, errors };
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};
const kib = (n) => (n / 1024).toFixed(1);
const ms = (x) => (x === null ? "-" : x.toFixed(0));

console.log("| page | files | raw KiB | brotli (as sent) KiB | code before hydrated: files | raw KiB | brotli KiB | hydrated 1x ms | WebAssembly started 4x ms | hydrated 4x ms | hydrated 4x + phone network ms |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
let failed = false;
for (const [path, signedIn] of pages) {
  const times = { "1x": [], "4x": [], "4x+phone": [] };
  const started = [];
  let bytes;
  for (const [label, rate, phone] of [["1x", 1, false], ["4x", 4, false], ["4x+phone", 4, true]]) {
    for (let i = 0; i < runs; i++) {
      const v = await visit(path, signedIn, rate, phone);
      bytes ??= v.bytes;
      times[label].push(v.hydratedAt);
      if (label === "4x") started.push(v.startedAt);
      if (v.errors.length) {
        failed = true;
        console.error(`${path} (${label}): ${v.errors.join("; ")}`);
      }
    }
  }
  console.log(`| ${path} | ${bytes.files} | ${kib(bytes.raw)} | ${kib(bytes.sent)} | ${bytes.codeFiles} | ${kib(bytes.codeRaw)} | ${kib(bytes.codeSent)} | ${ms(median(times["1x"]))} | ${ms(median(started))} | ${ms(median(times["4x"]))} | ${ms(median(times["4x+phone"]))} |`);
}
await browser.close();
if (failed) process.exitCode = 1;
