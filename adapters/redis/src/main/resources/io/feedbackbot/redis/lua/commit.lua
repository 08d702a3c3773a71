-- Saves a conversation with compare-and-set on its version and, in the same atomic step, applies the opt-out
-- flag, appends mailbox messages and transcript lines, and announces both on pub/sub.
-- KEYS[1] state, KEYS[2] opt-out flag, KEYS[3] mailbox stream, KEYS[4] transcript list, KEYS[5] transcript line
-- counter (the number of the newest line, so readers can resume after the list was trimmed)
-- ARGV[1] expected version, ARGV[2] new version, ARGV[3] state JSON, ARGV[4] TTL seconds (state, mailbox,
-- transcript), ARGV[5] opt-out: "set:<millis>", "clear" or "", ARGV[6] conversation id,
-- ARGV[7] mailbox max length, ARGV[8] mailbox channel, ARGV[9] mailbox messages as a JSON array of
-- [delivery id, text, millis] or "",
-- ARGV[10] transcript max length, ARGV[11] transcript channel or "" (no announcement), ARGV[12] transcript lines
-- as a JSON array of strings or ""
local current = redis.call('GET', KEYS[1])
local version = 0
if current then
  version = tonumber(string.match(current, '^(%d+)|'))
end
if version ~= tonumber(ARGV[1]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[2] .. '|' .. ARGV[3], 'EX', ARGV[4])
if string.sub(ARGV[5], 1, 4) == 'set:' then
  redis.call('SET', KEYS[2], string.sub(ARGV[5], 5))
elseif ARGV[5] == 'clear' then
  redis.call('DEL', KEYS[2])
end
if ARGV[9] ~= '' then
  for _, m in ipairs(cjson.decode(ARGV[9])) do
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[7], '*', 'id', m[1], 'text', m[2], 'at', m[3])
  end
  redis.call('EXPIRE', KEYS[3], ARGV[4])
  redis.call('PUBLISH', ARGV[8], ARGV[6])
end
if ARGV[12] ~= '' then
  local lines = cjson.decode(ARGV[12])
  redis.call('RPUSH', KEYS[4], unpack(lines))
  redis.call('LTRIM', KEYS[4], -tonumber(ARGV[10]), -1)
  redis.call('EXPIRE', KEYS[4], ARGV[4])
  redis.call('INCRBY', KEYS[5], #lines)
  redis.call('EXPIRE', KEYS[5], ARGV[4])
  if ARGV[11] ~= '' then
    redis.call('PUBLISH', ARGV[11], ARGV[6])
  end
end
return 1
