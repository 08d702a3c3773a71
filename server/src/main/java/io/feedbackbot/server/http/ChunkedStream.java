package io.feedbackbot.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A chunked response written from a worker thread (never the event loop): text is buffered into chunks of about
 * 64 KB, and each chunk waits until the client took the previous one, so a slow client slows the export down
 * instead of filling memory.
 */
public final class ChunkedStream {

    private static final int CHUNK = 64 * 1024;

    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 1024);

    private ChunkedStream(ChannelHandlerContext ctx, boolean keepAlive) {
        this.ctx = ctx;
        this.keepAlive = keepAlive;
    }

    /** Sends the status line and headers; the body follows through {@link #write}. */
    public static ChunkedStream start(ChannelHandlerContext ctx, boolean keepAlive, String contentType,
                                      Map<String, String> headers) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set("X-Content-Type-Options", "nosniff")
                .set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        headers.forEach(response.headers()::set);
        ctx.writeAndFlush(response);
        return new ChunkedStream(ctx, keepAlive);
    }

    /** Appends text; returns false once the client has gone away (stop producing then). */
    public boolean write(String text) {
        buffer.append(text);
        if (buffer.length() >= CHUNK) {
            return flush();
        }
        return ctx.channel().isActive();
    }

    private boolean flush() {
        if (buffer.length() == 0) {
            return ctx.channel().isActive();
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        return ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes))).awaitUninterruptibly().isSuccess();
    }

    /** Ends the response. */
    public void end() {
        flush();
        var done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        if (!keepAlive) {
            done.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Aborts a response that cannot be completed (the client sees a cut-off body, not a false success). */
    public void abort() {
        ctx.close();
    }
}
