package io.feedbackbot.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each aggregated request into a {@link Request}, finds its route, and writes the route's reply when its
 * future completes (from whatever thread). Errors become one-line JSON with the right status; unexpected ones
 * are logged and answered 500 without details.
 */
@ChannelHandler.Sharable
public final class HttpDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpDispatcher.class);

    private final Router router;

    public HttpDispatcher(Router router) {
        this.router = router;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        boolean keepAlive = HttpUtil.isKeepAlive(msg);
        if (!msg.decoderResult().isSuccess()) {
            write(ctx, Responses.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request"), false);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(msg.uri());
        String path = uri.path();
        String rawQuery = msg.uri().contains("?") ? msg.uri().substring(msg.uri().indexOf('?') + 1) : "";
        byte[] body = new byte[msg.content().readableBytes()];
        msg.content().readBytes(body);
        Request request = new Request(msg.method(), path, Map.of(), uri.parameters(), rawQuery,
                msg.headers().copy(), body, String.valueOf(ctx.channel().remoteAddress()));
        CompletableFuture<Reply> reply;
        try {
            reply = router.match(msg.method(), path)
                    .map(m -> m.route().handle(request.withPathParams(m.params())))
                    .orElseGet(() -> Responses.done(router.pathExists(path)
                            ? Responses.error(HttpResponseStatus.METHOD_NOT_ALLOWED, msg.method() + " is not allowed here")
                            : Responses.error(HttpResponseStatus.NOT_FOUND, "no such endpoint: " + path)));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((r, error) -> {
            Reply answer = error == null ? r : errorReply(error, request);
            if (answer instanceof Reply.Streamed streamed) {
                ctx.executor().execute(() -> streamed.start().start(ctx, keepAlive));
            } else {
                write(ctx, (Reply.Full) answer, keepAlive);
            }
        });
    }

    static Reply errorReply(Throwable error, Request request) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpError http) {
            return Responses.error(http.status(), http.getMessage());
        }
        if (cause instanceof io.feedbackbot.core.engine.Lanes.LaneFullException) {
            return Responses.error(HttpResponseStatus.SERVICE_UNAVAILABLE, "overloaded, try again shortly");
        }
        log.error("{} {} failed", request.method(), request.path(), cause);
        return Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
    }

    /** Writes a complete response, closing the connection unless it is kept alive. */
    public static void write(ChannelHandlerContext ctx, Reply.Full reply, boolean keepAlive) {
        FullHttpResponse response = response(reply, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Writes a response that announces the connection will close, leaving the closing to the caller. */
    static void writeWithoutClosing(ChannelHandlerContext ctx, Reply.Full reply) {
        ctx.writeAndFlush(response(reply, false));
    }

    private static FullHttpResponse response(Reply.Full reply, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, reply.status(),
                Unpooled.wrappedBuffer(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        response.headers().set("X-Content-Type-Options", "nosniff");
        reply.headers().forEach(response.headers()::set);
        response.headers().set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        return response;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
