-- Adds a batch of recipients to one campaign shard, skipping ids the campaign already has.
-- KEYS[1] ids (set of recipient ids, for duplicates), KEYS[2] counters (hash), KEYS[3..] queue of time-zone group
-- 0, 1, 2... (lists of records)
-- ARGV: triples of recipient id, time-zone group, record
-- Returns the ids that were duplicates.
local dups = {}
local added = 0
for i = 1, #ARGV, 3 do
  local id = ARGV[i]
  if redis.call('SADD', KEYS[1], id) == 1 then
    redis.call('RPUSH', KEYS[3 + tonumber(ARGV[i + 1])], ARGV[i + 2])
    added = added + 1
  else
    dups[#dups + 1] = id
  end
end
if added > 0 then
  redis.call('HINCRBY', KEYS[2], 'queued', added)
  redis.call('HINCRBY', KEYS[2], 'imported', added)
end
return dups
