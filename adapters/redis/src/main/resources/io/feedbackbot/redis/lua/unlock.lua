-- Deletes a lock or claim only if it is still held by the caller (a lock that expired and was taken by another
-- node is left alone).
-- KEYS[1] lock key, ARGV[1] owner
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
