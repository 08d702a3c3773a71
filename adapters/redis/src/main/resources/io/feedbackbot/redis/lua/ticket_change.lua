-- Changes a work order only if it is in the expected state (compare-and-set), and records the change in its
-- history in the same step.
-- KEYS[1] ticket hash, KEYS[2] its event list
-- ARGV: n, then n times (field, accepted values joined by '|'; an empty value stands for "unset"),
--       m, then m times (field, value) to set, d, then d fields to delete,
--       the event (JSON, or '' for none), the TTL in seconds ('' to keep the ticket), the most events kept.
-- Returns {-1} when there is no such ticket, {0, fields} when it is not in the expected state, and
-- {1, fields before, fields after} when it was changed (fields as HGETALL gives them).
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {-1}
end
local i = 1
local before = redis.call('HGETALL', KEYS[1])
local n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do
  local current = redis.call('HGET', KEYS[1], ARGV[i]) or ''
  local match = false
  for accepted in string.gmatch(ARGV[i + 1] .. '|', '([^|]*)|') do
    if accepted == current then
      match = true
    end
  end
  if not match then
    return {0, before}
  end
  i = i + 2
end
local m = tonumber(ARGV[i]); i = i + 1
for _ = 1, m do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  i = i + 2
end
local d = tonumber(ARGV[i]); i = i + 1
for _ = 1, d do
  redis.call('HDEL', KEYS[1], ARGV[i])
  i = i + 1
end
redis.call('HINCRBY', KEYS[1], 'version', 1)
local event, ttl, keep = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2])
if event ~= '' then
  redis.call('RPUSH', KEYS[2], event)
  redis.call('LTRIM', KEYS[2], -keep, -1)
end
if ttl ~= '' then
  redis.call('EXPIRE', KEYS[1], ttl)
  redis.call('EXPIRE', KEYS[2], ttl)
end
return {1, before, redis.call('HGETALL', KEYS[1])}
