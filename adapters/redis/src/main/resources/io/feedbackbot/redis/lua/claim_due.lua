-- Claims due timers: returns up to ARGV[2] members with a score at or below ARGV[1] and pushes each to ARGV[3]
-- (the lease), so a claimer that dies releases them when the lease passes.
-- KEYS[1] timer shard (sorted set of conversation ids by due time in epoch millis)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], ARGV[3], member)
end
return due
