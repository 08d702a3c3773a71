package io.feedbackbot.bench.setup;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for the WeChat API and the SMS provider during a benchmark, so nothing leaves the machine: accepts
 * every call (a WeChat {@code errcode 0} or access token, a queued Twilio message) and counts them.
 * {@code GET /calls} answers the count; the benchmark reports it (a passive-reply run should make none).
 */
public final class ProviderStub {

    private ProviderStub() {
    }

    public static void main(String[] args) throws InterruptedException {
        AtomicLong calls = new AtomicLong();
        new ServerBootstrap().group(new NioEventLoopGroup(1)).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec()).addLast(new HttpObjectAggregator(1 << 20))
                                .addLast(new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                        ctx.writeAndFlush(answer(request, calls));
                                    }
                                });
                    }
                }).bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]))).sync().channel()
                .closeFuture().sync();
    }

    private static FullHttpResponse answer(FullHttpRequest request, AtomicLong calls) {
        String uri = request.uri();
        String body;
        HttpResponseStatus status = HttpResponseStatus.OK;
        if (uri.equals("/calls")) {
            body = Long.toString(calls.get());
        } else if (uri.contains("/Messages.json")) {
            calls.incrementAndGet();
            status = HttpResponseStatus.CREATED;
            body = "{\"sid\":\"SM" + Long.toHexString(System.nanoTime()) + "\",\"status\":\"queued\",\"num_segments\":\"1\"}";
        } else if (uri.contains("token")) {
            calls.incrementAndGet();
            body = "{\"access_token\":\"bench-token\",\"expires_in\":7200}";
        } else {
            calls.incrementAndGet();
            body = "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + calls.get() + "}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json").setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }
}
