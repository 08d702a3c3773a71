-- Applies one batch of report counters read from a survey stream, exactly once: only if the stream cursor is
-- still where the batch started (another node may have applied it already), and then moves the cursor past it.
-- Every key is under the survey's hash tag.
-- KEYS[1] cursor; KEYS[2..] the keys the operations name by index
-- ARGV[1] expected cursor ('' for none), ARGV[2] new cursor, ARGV[3] operations as JSON:
--   c: [[key index, field, width, [slot, delta, slot, delta…]]…]  counter arrays kept as "n n n…"
--   e: [[key index, expire-at seconds]…]                             once per counter hash
--   m: [[key index, value, ttl seconds]…]                            run markers
--   x: [[key index, max length, entry id, [field, value…]]…]         low-score texts
-- ARGV[4] pub/sub channel ('' for none), ARGV[5] message
-- Returns 1 when applied, 0 when the cursor had moved.
local cursor = redis.call('GET', KEYS[1]) or ''
if cursor ~= ARGV[1] then
  return 0
end
local ops = cjson.decode(ARGV[3])
for _, c in ipairs(ops.c) do
  local key = KEYS[c[1]]
  local counts = {}
  local old = redis.call('HGET', key, c[2])
  if old then
    for n in string.gmatch(old, '%d+') do
      counts[#counts + 1] = tonumber(n)
    end
  end
  for i = #counts + 1, c[3] do
    counts[i] = 0
  end
  local d = c[4]
  for i = 1, #d, 2 do
    counts[d[i] + 1] = counts[d[i] + 1] + d[i + 1]
  end
  for i = 1, #counts do
    counts[i] = string.format('%d', counts[i])
  end
  redis.call('HSET', key, c[2], table.concat(counts, ' '))
end
for _, e in ipairs(ops.e) do
  redis.call('EXPIREAT', KEYS[e[1]], e[2])
end
for _, m in ipairs(ops.m) do
  redis.call('SET', KEYS[m[1]], m[2], 'EX', m[3])
end
for _, x in ipairs(ops.x) do
  -- an id at or below the stream's last one means this text was copied before (a rebuild): keep going
  redis.pcall('XADD', KEYS[x[1]], 'MAXLEN', '~', x[2], x[3], unpack(x[4]))
end
redis.call('SET', KEYS[1], ARGV[2])
if ARGV[4] ~= '' then
  redis.call('PUBLISH', ARGV[4], ARGV[5])
end
return 1
