-- Appends an entry to a stream unless an entry with the same id was appended within the dedupe window, so a
-- retried transition stores its answers and milestones once.
-- KEYS[1] dedupe marker, KEYS[2] stream
-- ARGV[1] dedupe TTL seconds, ARGV[2..] field, value, field, value…
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return redis.call('XADD', KEYS[2], '*', unpack(ARGV, 2))
end
return false
