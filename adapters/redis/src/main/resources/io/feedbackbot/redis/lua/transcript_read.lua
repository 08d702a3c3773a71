-- Reads a transcript with the number of its newest line, in one step, so line numbers are exact.
-- KEYS[1] transcript list, KEYS[2] line counter
-- Returns {counter, line, line, ...}; a transcript older than the counter counts its kept lines.
local lines = redis.call('LRANGE', KEYS[1], 0, -1)
local seq = tonumber(redis.call('GET', KEYS[2]) or #lines)
table.insert(lines, 1, seq)
return lines
