// Races 1,000 requests at once for 30 places (scripts/bench.sh): meal orders, class enrollments
// and shift sign-ups, each over its own connection. Prints one line per race with the HTTP
// statuses and the time from the first request sent to the last answer; the caller then counts
// the places taken in the database. BENCH_URL may list several servers on one database,
// separated by commas: the requests are spread over them in turn.
//   BENCH_URL=... BENCH_SEED=<seed.py output file> BENCH_DAY=YYYY-MM-DD node bench/race.mjs
import { readFileSync } from "node:fs";
import http from "node:http";

const servers = process.env.BENCH_URL.split(",");
let sent = 0;
const seed = JSON.parse(readFileSync(process.env.BENCH_SEED, "utf8"));
const day = process.env.BENCH_DAY;
const racers = 1000;
let firstFailure = null;
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

/** Resolves to the HTTP status, or 0 when the request failed. */
function post(path, cookie, body) {
  return new Promise((resolve) => {
    const base = servers[sent++ % servers.length];
    const request = http.request(base + path, {
      method: "POST",
      agent,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Cookie: `xf_session=${cookie}`,
      },
    }, (response) => {
      let body = "";
      response.on("data", (chunk) => { body += chunk; });
      response.on("end", () => {
        if (response.statusCode >= 500 && !firstFailure) firstFailure = `${response.statusCode} ${body.slice(0, 200)}`;
        resolve(response.statusCode);
      });
    });
    request.on("error", () => resolve(0));
    request.end(body);
  });
}

async function race(name, requests) {
  const started = performance.now();
  const statuses = await Promise.all(requests.map((send) => send()));
  const elapsed = performance.now() - started;
  const counts = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  const summary = Object.entries(counts).map(([s, n]) => `${s === "0" ? "failed" : s}×${n}`).join(" ");
  console.log(`RACE ${name} ${elapsed.toFixed(0)} ${summary}`);
}

const elders = seed.elders.slice(0, racers);
await race("orders", elders.map((e) => () => post("/api/canteen/order", seed.family,
  `form%5Belder_id%5D=${e}&form%5Bservice_id%5D=901&form%5Bdates%5D%5B%5D=${day}` +
  "&form%5Bdishes%5D%5B%5D=900%3A1&form%5Bfulfilment%5D=dine_in&form%5Breplaces%5D=0")));
await race("enrollments", elders.map((e) => () => post("/api/school/enroll", seed.family,
  `class_id=900&elder_id=${e}`)));
await race("sign-ups", seed.volunteers.slice(0, racers).map((v) => () => post("/api/volunteer/sign-up", v,
  "shift_id=900")));
agent.destroy();
if (firstFailure) console.error(`first server error: ${firstFailure}`);
