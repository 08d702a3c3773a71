package io.feedbackbot.server.app;

import io.feedbackbot.redis.RedisKeys;
import io.feedbackbot.server.channel.Channel;
import java.time.Clock;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Channels added to the configured ones when the application starts, built from its Redis client and keys. Tests
 * use it to plug in stand-ins for providers whose channel is not part of the build; production starts with none.
 */
@FunctionalInterface
public interface ExtraChannels {

    List<Channel> build(UnifiedJedis redis, RedisKeys keys, Clock clock);

    ExtraChannels NONE = (redis, keys, clock) -> List.of();
}
