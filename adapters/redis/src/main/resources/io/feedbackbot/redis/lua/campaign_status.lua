-- Moves a campaign to a new status if it is in one of the allowed ones, bumps its version and announces the change
-- on pub/sub ("<campaign id>:<version>") so every node's dispatcher reacts at once.
-- KEYS[1] status (hash: status, version, at, note)
-- ARGV[1] allowed current statuses, comma-separated, ARGV[2] new status, ARGV[3] now millis, ARGV[4] note,
-- ARGV[5] pub/sub channel, ARGV[6] campaign id
-- Returns {new version, new status}, or {0, current status ('' when the campaign does not exist)}.
local current = redis.call('HGET', KEYS[1], 'status')
if not current then
  return {0, ''}
end
if not string.find(',' .. ARGV[1] .. ',', ',' .. current .. ',', 1, true) then
  return {0, current}
end
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'at', ARGV[3], 'note', ARGV[4])
redis.call('PUBLISH', ARGV[5], ARGV[6] .. ':' .. version)
return {version, ARGV[2]}
