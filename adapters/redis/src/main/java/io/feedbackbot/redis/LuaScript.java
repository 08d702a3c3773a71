package io.feedbackbot.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script kept in {@code src/main/resources/io/feedbackbot/redis/lua}. Runs by SHA (EVALSHA) and falls back
 * to sending the source when a Redis node does not know it yet (NOSCRIPT means the script did not run, so the
 * fallback is always safe).
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads {@code name}.lua from the classpath. */
    public static LuaScript load(String name) {
        return load(LuaScript.class, "lua/" + name + ".lua");
    }

    /** Loads a script kept next to {@code owner} (a feature's own script outside this module). */
    public static LuaScript load(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua script " + resource);
            }
            return new LuaScript(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Lua script " + resource, e);
        }
    }

    /**
     * A script given as text (small scripts that live next to the class that uses them), run by SHA like the
     * others: Redis then neither receives nor hashes the source on every call.
     */
    public static LuaScript of(String name, String source) {
        return new LuaScript(name, source);
    }

    public Object eval(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.eval(source, keys, args);
        }
    }

    /** Queues the script in a pipeline; pass the response to {@link #result} after {@code sync()}. */
    public Queued queue(AbstractPipeline pipeline, List<String> keys, List<String> args) {
        return new Queued(pipeline.evalsha(sha, keys, args), keys, args);
    }

    /** The result of a queued run, running it again with its source if the node did not know the script. */
    public Object result(UnifiedJedis redis, Queued queued) {
        try {
            return queued.response().get();
        } catch (JedisNoScriptException e) {
            return redis.eval(source, queued.keys(), queued.args());
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** A script run waiting in a pipeline. */
    public record Queued(Response<Object> response, List<String> keys, List<String> args) {
    }
}
