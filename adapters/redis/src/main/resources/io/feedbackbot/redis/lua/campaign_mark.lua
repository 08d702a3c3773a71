-- Counts something about one campaign recipient once: sets the recipient's bit in a bitmap and, only when it was
-- not set yet, adds one to a tally field. Redelivered events (a consumer group's retry, a second callback) count
-- nothing.
-- KEYS[1] bitmap, KEYS[2] tally (hash)
-- ARGV[1] recipient sequence number (bit offset), ARGV[2] tally field, ARGV[3] another field to add one to every
-- time ('' for none), ARGV[4] milliseconds both keys live after the last mark (answers keep coming after a
-- campaign ends, so they expire from their last use)
redis.call('PEXPIRE', KEYS[2], ARGV[4])
if ARGV[3] ~= '' then
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
end
local fresh = redis.call('SETBIT', KEYS[1], ARGV[1], 1) == 0
redis.call('PEXPIRE', KEYS[1], ARGV[4])
if fresh then
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  redis.call('PEXPIRE', KEYS[2], ARGV[4])
  return 1
end
return 0
