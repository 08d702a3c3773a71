package io.feedbackbot.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Refuses request bodies over the limit with 413 and a JSON reason, before they are buffered: by the declared
 * Content-Length, or, for chunked bodies, as soon as the received bytes pass it. The rest of such a body is read
 * and dropped before the connection closes (closing with unread bytes would reset the connection and the client
 * could lose the 413), up to a hard cap after which the connection is cut.
 */
public final class BodyLimit extends ChannelInboundHandlerAdapter {

    private static final long DISCARD_CAP = 16L * 1024 * 1024;

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
                refuse(ctx);
            }
        }
        if (msg instanceof HttpContent content) {
            received += content.content().readableBytes();
            if (!refused && received > maxBytes) {
                refuse(ctx);
            }
        }
        if (!refused) {
            ctx.fireChannelRead(msg);
            return;
        }
        boolean last = msg instanceof LastHttpContent;
        ReferenceCountUtil.release(msg);
        if (last || received > DISCARD_CAP) {
            ctx.close();
        }
    }

    private void refuse(ChannelHandlerContext ctx) {
        refused = true;
        Reply.Full reply = Responses.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "request body is larger than " + maxBytes + " bytes");
        HttpDispatcher.writeWithoutClosing(ctx, reply);
    }
}
