-- Records how recipients of one campaign shard ended, once each: only a recipient still claimed is counted, so a
-- node that finishes after its lease ran out and another node re-drove the recipient cannot count it twice.
-- KEYS[1] claims, KEYS[2] lease, KEYS[3] counters, KEYS[4] outcome log (list)
-- ARGV: quadruples of recipient id, outcome (sent, failed, unknown, skipped), reason ('' for none), detail
-- Returns how many were recorded now.
local done = 0
for i = 1, #ARGV, 4 do
  local id, outcome, reason = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  if redis.call('HDEL', KEYS[1], id) == 1 then
    redis.call('ZREM', KEYS[2], id)
    redis.call('HINCRBY', KEYS[3], outcome, 1)
    if reason ~= '' then
      redis.call('HINCRBY', KEYS[3], outcome .. ':' .. reason, 1)
    end
    redis.call('RPUSH', KEYS[4], id .. '\31' .. outcome .. '\31' .. reason .. '\31' .. ARGV[i + 3])
    done = done + 1
  end
end
if done > 0 then
  redis.call('HINCRBY', KEYS[3], 'claimed', -done)
end
return done
