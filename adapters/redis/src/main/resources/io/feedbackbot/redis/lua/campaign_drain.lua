-- Skips, with a reason, up to ARGV[2] recipients of one campaign shard that will never be sent: everyone still
-- queued, and claims whose lease ran out (their node died). Live claims are left to finish.
-- KEYS[1] claims, KEYS[2] lease, KEYS[3] counters, KEYS[4] outcome log, KEYS[5..] queue of group 0, 1, 2...
-- ARGV[1] now millis, ARGV[2] max, ARGV[3] reason (schedule_ended, cancelled)
-- Returns how many were skipped now.
local max, reason = tonumber(ARGV[2]), ARGV[3]
local lines = {}
local fromClaims = 0
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, max)
for _, id in ipairs(expired) do
  redis.call('ZREM', KEYS[2], id)
  if redis.call('HDEL', KEYS[1], id) == 1 then
    lines[#lines + 1] = id .. '\31skipped\31' .. reason .. '\31'
    fromClaims = fromClaims + 1
  end
end
local fromQueues = 0
for k = 5, #KEYS do
  local want = max - #lines
  if want <= 0 then
    break
  end
  local records = redis.call('LPOP', KEYS[k], want)
  if records then
    for _, record in ipairs(records) do
      lines[#lines + 1] = string.match(record, '^([^\31]*)') .. '\31skipped\31' .. reason .. '\31'
      fromQueues = fromQueues + 1
    end
  end
end
if #lines > 0 then
  redis.call('RPUSH', KEYS[4], unpack(lines))
  redis.call('HINCRBY', KEYS[3], 'skipped', #lines)
  redis.call('HINCRBY', KEYS[3], 'skipped:' .. reason, #lines)
  redis.call('HINCRBY', KEYS[3], 'claimed', 0 - fromClaims)
  redis.call('HINCRBY', KEYS[3], 'queued', 0 - fromQueues)
end
return #lines
