-- Claims up to ARGV[4] recipients of one campaign shard for one node: first claims whose lease ran out (their node
-- died) in time-zone groups whose send window is open, then new ones from the open groups' queues. Each claim is
-- kept in the claims hash ("group RS node RS record") with its lease in a sorted set, so any node re-drives it once
-- the lease passes. Expired claims in closed groups go back to the front of their queue.
-- KEYS[1] claims (hash id -> claim), KEYS[2] lease (zset id -> lease end millis), KEYS[3] counters (hash),
-- KEYS[4..] queue of group 0, 1, 2...
-- ARGV[1] now millis, ARGV[2] lease end millis, ARGV[3] node id, ARGV[4] max, ARGV[5] open groups as a string of
-- '0'/'1' (one character per group)
-- Returns {queued left in open groups, "group RS record", ...}.
local now, leaseEnd, node, max, open = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local out = {0}
local claimed = 0
local requeued = 0
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, max)
for _, id in ipairs(expired) do
  local claim = redis.call('HGET', KEYS[1], id)
  if not claim then
    redis.call('ZREM', KEYS[2], id)
  else
    local group, record = string.match(claim, '^(%d+)\30[^\30]*\30(.*)$')
    local g = tonumber(group)
    if string.sub(open, g + 1, g + 1) == '1' and #out - 1 < max then
      redis.call('HSET', KEYS[1], id, group .. '\30' .. node .. '\30' .. record)
      redis.call('ZADD', KEYS[2], leaseEnd, id)
      out[#out + 1] = group .. '\30' .. record
    elseif string.sub(open, g + 1, g + 1) ~= '1' then
      redis.call('LPUSH', KEYS[4 + g], record)
      redis.call('HDEL', KEYS[1], id)
      redis.call('ZREM', KEYS[2], id)
      requeued = requeued + 1
    end
  end
end
local left = 0
for g = 0, #open - 1 do
  if string.sub(open, g + 1, g + 1) == '1' then
    local want = max - (#out - 1)
    if want > 0 then
      local records = redis.call('LPOP', KEYS[4 + g], want)
      if records then
        for _, record in ipairs(records) do
          local id = string.match(record, '^([^\31]*)')
          redis.call('HSET', KEYS[1], id, g .. '\30' .. node .. '\30' .. record)
          redis.call('ZADD', KEYS[2], leaseEnd, id)
          out[#out + 1] = g .. '\30' .. record
          claimed = claimed + 1
        end
      end
    end
    left = left + redis.call('LLEN', KEYS[4 + g])
  end
end
if claimed > 0 or requeued > 0 then
  redis.call('HINCRBY', KEYS[3], 'claimed', claimed - requeued)
  redis.call('HINCRBY', KEYS[3], 'queued', requeued - claimed)
end
out[1] = left
return out
