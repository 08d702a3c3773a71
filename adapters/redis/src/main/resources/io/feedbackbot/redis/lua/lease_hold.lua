-- Takes a lease nobody holds, or extends the caller's own; a lease held by another owner is left alone.
-- KEYS[1] lease key, ARGV[1] owner, ARGV[2] time to live in milliseconds. Returns 1 when the caller holds it.
local holder = redis.call('GET', KEYS[1])
if holder == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
