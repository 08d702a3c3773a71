-- Gives claimed recipients of one campaign shard back to the front of their queues, unsent (the campaign was paused,
-- or the node could not take more work).
-- KEYS[1] claims, KEYS[2] lease, KEYS[3] counters, KEYS[4..] queue of group 0, 1, 2...
-- ARGV: recipient ids
local released = 0
for _, id in ipairs(ARGV) do
  local claim = redis.call('HGET', KEYS[1], id)
  if claim then
    local group, record = string.match(claim, '^(%d+)\30[^\30]*\30(.*)$')
    redis.call('LPUSH', KEYS[4 + tonumber(group)], record)
    redis.call('HDEL', KEYS[1], id)
    redis.call('ZREM', KEYS[2], id)
    released = released + 1
  end
end
if released > 0 then
  redis.call('HINCRBY', KEYS[3], 'claimed', -released)
  redis.call('HINCRBY', KEYS[3], 'queued', released)
end
return released
