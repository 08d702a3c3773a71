package io.feedbackbot.server.campaign.api;

import io.feedbackbot.server.api.ApiAuth;
import io.feedbackbot.server.http.HttpDispatcher;
import io.feedbackbot.server.http.HttpError;
import io.feedbackbot.server.http.Reply;
import io.feedbackbot.server.http.Request;
import io.feedbackbot.server.http.Responses;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes {@code PUT /api/v1/campaigns/{id}/audience} out of the normal pipeline before the body limit and the
 * aggregator: an audience of a million rows is tens of megabytes, so its body is streamed to an import on a worker
 * thread as it arrives (with back-pressure) instead of being buffered. Checks the bearer token before reading the
 * body; answers once the import is done. One instance per connection; every other request passes through.
 */
public final class AudienceUploadHandler extends ChannelInboundHandlerAdapter {

    static final Pattern PATH = Pattern.compile("/api/v1/campaigns/([^/]+)/audience/?");

    /** Runs an import (blocking); throws {@link HttpError} for a request it refuses. */
    @FunctionalInterface
    public interface Importer {
        Reply.Full run(String campaign, InputStream body);
    }

    private final ApiAuth auth;
    private final long maxBytes;
    private final Executor blocking;
    private final Importer importer;
    private StreamedBody body;
    private boolean discarding;

    public AudienceUploadHandler(ApiAuth auth, long maxBytes, Executor blocking, Importer importer) {
        this.auth = auth;
        this.maxBytes = maxBytes;
        this.blocking = blocking;
        this.importer = importer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && body == null && !discarding) {
            Matcher m = PATH.matcher(new QueryStringDecoder(request.uri()).path());
            if (request.method().equals(HttpMethod.PUT) && m.matches()) {
                ReferenceCountUtil.release(msg);
                start(ctx, request, m.group(1));
                return;
            }
        }
        if (msg instanceof HttpContent content && (body != null || discarding)) {
            if (body != null) {
                body.offer(content.content());
            }
            if (content instanceof LastHttpContent) {
                if (body != null) {
                    body.end();
                }
                body = null;
                discarding = false;
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void start(ChannelHandlerContext ctx, HttpRequest request, String campaign) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        try {
            auth.admin(r -> CompletableFuture.completedFuture(null)).handle(new Request(request.method(),
                    request.uri(), Map.of(), Map.of(), "", request.headers(), new byte[0],
                    String.valueOf(ctx.channel().remoteAddress())));
        } catch (HttpError e) {
            refuse(ctx, e.status(), e.getMessage());
            return;
        }
        if (HttpUtil.getContentLength(request, -1L) > maxBytes) {
            refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "the audience file is larger than "
                    + maxBytes / (1024 * 1024) + " MB");
            return;
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        StreamedBody streamed = new StreamedBody(ctx.channel(), maxBytes);
        body = streamed;
        blocking.execute(() -> {
            Reply.Full reply;
            try (streamed) {
                reply = importer.run(campaign, streamed);
            } catch (HttpError e) {
                reply = Responses.error(e.status(), e.getMessage());
            } catch (RuntimeException e) {
                reply = Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error");
                org.slf4j.LoggerFactory.getLogger(AudienceUploadHandler.class)
                        .error("audience import of campaign {} failed", campaign, e);
            }
            if (streamed.tooLarge()) {
                reply = Responses.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "the audience file is larger "
                        + "than " + maxBytes / (1024 * 1024) + " MB");
            }
            boolean whole = streamed.complete();
            Reply.Full answer = reply;
            ctx.executor().execute(() -> {
                if (!whole) {
                    discarding = body == streamed || discarding;
                    if (body == streamed) {
                        body = null;
                    }
                }
                HttpDispatcher.write(ctx, answer, keepAlive && whole);
            });
        });
    }

    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String reason) {
        discarding = true;
        HttpDispatcher.write(ctx, Responses.error(status, reason), false);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (body != null) {
            body.fail(new IOException("the client went away"));
            body = null;
        }
        super.channelInactive(ctx);
    }
}
