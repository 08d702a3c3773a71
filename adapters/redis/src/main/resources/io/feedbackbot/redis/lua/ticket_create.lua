-- Stores a new work order once: nothing happens when the id exists already (a redelivered request).
-- KEYS[1] ticket hash, KEYS[2] its event list
-- ARGV[1] the created event (JSON), ARGV[2..] field, value, field, value...
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('RPUSH', KEYS[2], ARGV[1])
return 1
