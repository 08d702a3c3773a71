package io.feedbackbot.redis;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * Opens the one {@link UnifiedJedis} a process uses, from a URL: {@code redis://[user:password@]host:port[/db]},
 * {@code rediss://…} (TLS), or {@code redis-cluster://[user:password@]host:port,host:port} for Redis Cluster. Both
 * kinds share one code path above this class.
 */
public final class RedisConnections {

    private RedisConnections() {
    }

    /** @param poolSize connections per Redis node (at least the number of threads that use Redis at once) */
    public static UnifiedJedis open(String url, int poolSize) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(Math.min(4, poolSize));
        pool.setJmxEnabled(false);
        if (url.startsWith("redis-cluster://")) {
            return cluster(url, pool);
        }
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("redis url has no host: " + redact(url));
        }
        return new JedisPooled(pool, uri, 5_000);
    }

    private static UnifiedJedis cluster(String url, GenericObjectPoolConfig<Connection> pool) {
        String rest = url.substring("redis-cluster://".length());
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String credentials = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = credentials.indexOf(':');
            if (colon >= 0) {
                user = credentials.substring(0, colon).isEmpty() ? null : credentials.substring(0, colon);
                password = credentials.substring(colon + 1);
            } else {
                password = credentials;
            }
        }
        Set<HostAndPort> nodes = new LinkedHashSet<>();
        for (String node : rest.replaceAll("/.*$", "").split(",")) {
            if (!node.isBlank()) {
                nodes.add(HostAndPort.from(node.trim()));
            }
        }
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("redis-cluster url names no node: " + redact(url));
        }
        JedisClientConfig config = DefaultJedisClientConfig.builder().user(user).password(password)
                .timeoutMillis(5_000).build();
        return new JedisCluster(nodes, config, 5, pool);
    }

    /** The URL without its password, for logs and errors. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:@/]*:)[^@]*@", "$1****@");
    }
}
