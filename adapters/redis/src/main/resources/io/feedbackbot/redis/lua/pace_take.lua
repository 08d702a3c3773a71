-- A token bucket shared by every node: takes up to ARGV[3] tokens from an account's bucket that refills at ARGV[1]
-- tokens per second up to ARGV[2], on Redis's own clock so nodes' clocks do not matter.
-- KEYS[1] bucket (hash: tokens, ms)
-- Returns {tokens granted, milliseconds until the next token when fewer were granted than asked}.
if redis.replicate_commands then
  redis.replicate_commands()
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate, burst, want = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'ms')
local tokens, ms = tonumber(bucket[1]), tonumber(bucket[2])
if not tokens then
  tokens, ms = burst, now
end
tokens = math.min(burst, tokens + math.max(0, now - ms) * rate / 1000)
local grant = math.min(want, math.floor(tokens))
tokens = tokens - grant
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ms', tostring(now))
redis.call('PEXPIRE', KEYS[1], 60000)
local wait = 0
if grant < want then
  wait = math.ceil((1 - (tokens - math.floor(tokens))) * 1000 / rate)
end
return {grant, wait}
