package io.feedbackbot.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * The Netty HTTP server: bootstrap and pipeline only. Each connection gets the HTTP codec, the body limit, an
 * aggregator, chunked writes for streams, an optional extra stage (WebSocket upgrade), and the dispatcher.
 */
public final class HttpServer implements AutoCloseable {

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel channel;

    private HttpServer(EventLoopGroup boss, EventLoopGroup workers, Channel channel) {
        this.boss = boss;
        this.workers = workers;
        this.channel = channel;
    }

    /**
     * @param extra adds handlers between the aggregator and the dispatcher (may be a no-op)
     */
    public static HttpServer start(String host, int port, int maxBodyBytes, HttpDispatcher dispatcher,
                                   Consumer<io.netty.channel.ChannelPipeline> extra) throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup boss = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
        EventLoopGroup workers = epoll ? new EpollEventLoopGroup() : new NioEventLoopGroup();
        Class<? extends ServerChannel> type = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, workers).channel(type)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("codec", new HttpServerCodec())
                                .addLast("limit", new BodyLimit(maxBodyBytes))
                                .addLast("aggregate", new HttpObjectAggregator(maxBodyBytes))
                                .addLast("chunked", new ChunkedWriteHandler());
                        extra.accept(ch.pipeline());
                        ch.pipeline().addLast("dispatch", dispatcher);
                    }
                });
        Channel channel = bootstrap.bind(new InetSocketAddress(host, port)).sync().channel();
        return new HttpServer(boss, workers, channel);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
