-- Saves a conversation with compare-and-set on its version, and in the same atomic step applies the opt-out
-- flag and appends mailbox messages (announcing them on pub/sub).
-- KEYS[1] state, KEYS[2] opt-out flag, KEYS[3] mailbox stream
-- ARGV[1] expected version, ARGV[2] new version, ARGV[3] state JSON, ARGV[4] state TTL seconds,
-- ARGV[5] opt-out: "set:<millis>", "clear" or "", ARGV[6] mailbox max length, ARGV[7] mailbox TTL seconds,
-- ARGV[8] pub/sub channel, ARGV[9] conversation id, ARGV[10..] mailbox messages as (delivery id, text, millis)
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
if #ARGV >= 12 then
  for i = 10, #ARGV, 3 do
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[6], '*', 'id', ARGV[i], 'text', ARGV[i + 1], 'at', ARGV[i + 2])
  end
  redis.call('EXPIRE', KEYS[3], ARGV[7])
  redis.call('PUBLISH', ARGV[8], ARGV[9])
end
return 1
