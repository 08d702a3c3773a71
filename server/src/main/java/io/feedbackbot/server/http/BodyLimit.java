package io.feedbackbot.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * Refuses request bodies over the limit with 413 and a JSON reason, before they are buffered: by the declared
 * Content-Length, or, for chunked bodies, as soon as the received bytes pass it. The rest of such a request is
 * dropped and the connection closed.
 */
public final class BodyLimit extends ChannelInboundHandlerAdapter {

    private final int maxBytes;
    private long received;
    private boolean refused;

    public BodyLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            received = 0;
            refused = false;
            if (HttpUtil.getContentLength(request, -1L) > maxBytes) {
                refuse(ctx, msg);
                return;
            }
        }
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpContent content) {
            received += content.content().readableBytes();
            if (received > maxBytes) {
                refuse(ctx, msg);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void refuse(ChannelHandlerContext ctx, Object msg) {
        refused = true;
        ReferenceCountUtil.release(msg);
        HttpDispatcher.write(ctx, Responses.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "request body is larger than " + maxBytes + " bytes"), false);
    }
}
