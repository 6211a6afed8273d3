-- wrk script: GET one path as a browser would (brotli accepted), optionally signed in.
--   wrk ... -s get.lua URL -- PATH [COOKIE]
local path, headers

function init(args)
  path = args[1]
  headers = { ["Accept-Encoding"] = "br, gzip", ["Accept"] = "text/html" }
  if args[2] and args[2] ~= "" then headers["Cookie"] = "xf_session=" .. args[2] end
end

function request()
  return wrk.format("GET", path, headers)
end

function done(summary, latency)
  io.write(string.format("RESULT %.1f %.2f %.2f %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
