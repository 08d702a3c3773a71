-- Gives up on one webhook event: records it in the webhook's dead-letter stream and acknowledges it in the
-- source stream's consumer group, atomically (both keys share the source's hash tag).
-- KEYS[1] source stream, KEYS[2] dead-letter stream
-- ARGV[1] group, ARGV[2] entry id, ARGV[3] dead-letter max length, ARGV[4..] field, value…
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(ARGV, 4))
return redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
