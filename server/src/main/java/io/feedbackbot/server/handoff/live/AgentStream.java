package io.feedbackbot.server.handoff.live;

import io.feedbackbot.server.handoff.auth.Authenticator;
import io.feedbackbot.server.handoff.auth.Principal;
import io.feedbackbot.server.http.HttpDispatcher;
import io.feedbackbot.server.http.Responses;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The console's WebSocket, {@code /api/v1/agent/stream}, in the Netty pipeline: a gate that authenticates the
 * upgrade request (session cookie with a same-origin {@code Origin}, or a bearer token in {@code Authorization} or
 * the {@code token} query parameter) before Netty's handshake, then the frames handler that hands the socket to
 * {@link AgentSockets}. The session lookup runs off the event loop while the channel stops reading.
 */
public final class AgentStream {

    public static final String PATH = "/api/v1/agent/stream";
    static final AttributeKey<Principal> PRINCIPAL = AttributeKey.valueOf("feedbackbot.principal");

    private final Authenticator auth;
    private final AgentSockets sockets;
    private final String publicOrigin;

    public AgentStream(Authenticator auth, AgentSockets sockets, String publicUrl) {
        this.auth = auth;
        this.sockets = sockets;
        this.publicOrigin = origin(publicUrl);
    }

    /** Adds the gate, Netty's WebSocket protocol handler and the frames handler to a connection's pipeline. */
    public void install(ChannelPipeline pipeline) {
        pipeline.addLast("agent-stream-gate", new Gate())
                .addLast("agent-stream-ws", new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                        .websocketPath(PATH).checkStartsWith(true).handleCloseFrames(true).build()))
                .addLast("agent-stream-frames", new Frames());
    }

    private final class Gate extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof FullHttpRequest request)
                    || !new QueryStringDecoder(request.uri()).path().equals(PATH)) {
                ctx.fireChannelRead(msg);
                return;
            }
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            List<String> token = uri.parameters().getOrDefault("token", List.of());
            String origin = request.headers().get(HttpHeaderNames.ORIGIN);
            String host = request.headers().get(HttpHeaderNames.HOST);
            boolean bearer = !token.isEmpty() || request.headers().contains(HttpHeaderNames.AUTHORIZATION);
            if (!bearer && Authenticator.sessionCookie(request.headers()).isEmpty()) {
                refuse(ctx, request, HttpResponseStatus.UNAUTHORIZED, "log in at /console/ or send a bearer token");
                return;
            }
            if (!bearer && (origin == null || !sameOrigin(origin, host))) {
                refuse(ctx, request, HttpResponseStatus.FORBIDDEN, "cross-origin or origin-less console connection");
                return;
            }
            ctx.channel().config().setAutoRead(false);
            auth.identify(request.headers(), token.isEmpty() ? null : token.get(0)).whenComplete((found, error) ->
                    ctx.executor().execute(() -> {
                        ctx.channel().config().setAutoRead(true);
                        Optional<Principal> principal = error == null ? found : Optional.empty();
                        if (principal.isEmpty() || !principal.get().handlesTickets()) {
                            refuse(ctx, request, principal.isEmpty() ? HttpResponseStatus.UNAUTHORIZED
                                    : HttpResponseStatus.FORBIDDEN, "log in as an agent or supervisor first");
                            return;
                        }
                        ctx.channel().attr(PRINCIPAL).set(principal.get());
                        ctx.fireChannelRead(request);
                    }));
        }

        private void refuse(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String why) {
            ReferenceCountUtil.release(request);
            HttpDispatcher.write(ctx, Responses.error(status, why), false);
        }
    }

    private final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            sockets.received(ctx.channel(), frame.text());
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                sockets.opened(ctx.channel(), ctx.channel().attr(PRINCIPAL).get());
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            sockets.closed(ctx.channel());
            super.channelInactive(ctx);
        }
    }

    /** The page's origin must be this server as the browser reached it, or the configured public URL. */
    private boolean sameOrigin(String origin, String host) {
        String o = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        return o.equalsIgnoreCase(publicOrigin) || host != null
                && (o.equalsIgnoreCase("http://" + host) || o.equalsIgnoreCase("https://" + host));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
