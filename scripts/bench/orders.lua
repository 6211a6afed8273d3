-- wrk script: meal orders through HTTP, as the order form posts them. Each request orders the
-- bench set meal for a different (elder, day) pair, so every one can succeed.
--   wrk -t T ... -s orders.lua URL -- T COOKIE FIRST_ELDER ELDERS DAY1 DAY2 ...
-- Globals (not locals): wrk reads them from each thread with thread:get.
threads = {}
next_thread = 0

function setup(thread)
  thread:set("thread_no", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  thread_count = tonumber(args[1])
  cookie = args[2]
  first_elder = tonumber(args[3])
  elders = tonumber(args[4])
  days = {}
  for i = 5, #args do days[#days + 1] = args[i] end
  n, ok, refused = 0, 0, 0
end

function request()
  local k = n * thread_count + thread_no
  n = n + 1
  local elder = first_elder + (k % elders)
  local day = days[(math.floor(k / elders) % #days) + 1]
  local body = "form%5Belder_id%5D=" .. elder .. "&form%5Bservice_id%5D=900"
    .. "&form%5Bdates%5D%5B%5D=" .. day .. "&form%5Bdishes%5D%5B%5D=900%3A1"
    .. "&form%5Bfulfilment%5D=dine_in&form%5Breplaces%5D=0"
  return wrk.format("POST", "/api/canteen/order", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "xf_session=" .. cookie,
  }, body)
end

function response(status)
  if status < 400 then ok = ok + 1 else refused = refused + 1 end
end

function done(summary, latency)
  local ok_total, refused_total = 0, 0
  for _, t in ipairs(threads) do
    ok_total = ok_total + t:get("ok")
    refused_total = refused_total + t:get("refused")
  end
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, ok_total, refused_total))
end
