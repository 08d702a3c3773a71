package io.feedbackbot.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The load generator's engine: a fixed set of HTTP/1.1 keep-alive connections on one Netty event loop, one
 * request at a time per connection (no pipelining). Runs phases either closed-loop (each connection sends its next
 * request as soon as the answer arrives: the maximum) or open-loop (requests are due at a fixed rate whether or
 * not the server keeps up; latency counts from the due time, so queueing shows instead of being omitted). All state
 * is confined to the event loop, so nothing here locks.
 */
final class LoadClient implements AutoCloseable {

    /** How long a phase waits for its last answers before counting them as errors. */
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final Scenario scenario;
    private final RequestPool pool;
    private final Customers customers;
    private final List<Connection> connections = new ArrayList<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private Phase phase;

    LoadClient(String host, int port, int connectionCount, Scenario scenario, RequestPool pool)
            throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        this.group = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
        this.loop = group.next();
        this.scenario = scenario;
        this.pool = pool;
        this.customers = new Customers(pool, scenario.steps());
        this.bootstrap = new Bootstrap().group(loop).channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true).remoteAddress(host, port);
        List<ChannelFuture> opening = new ArrayList<>();
        for (int i = 0; i < connectionCount; i++) {
            opening.add(connect());
        }
        for (ChannelFuture f : opening) {
            f.sync();
        }
    }

    /** Opens one more connection; it joins the idle ones when it is up. */
    private ChannelFuture connect() {
        Connection connection = new Connection();
        return bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new HttpResponseDecoder()).addLast(new HttpObjectAggregator(1 << 20))
                        .addLast(connection);
            }
        }).connect();
    }

    /** Customers started so far (to size the pool for the next phase). */
    int started() {
        return CompletableFuture.supplyAsync(customers::started, loop).join();
    }

    /** Sends as fast as the server answers for {@code seconds}. */
    PhaseResult closed(String label, double seconds, boolean record) {
        return run(new Phase(label, 0, seconds, record));
    }

    /** Sends {@code rate} requests per second for {@code seconds}. */
    PhaseResult open(String label, double rate, double seconds) {
        return run(new Phase(label, rate, seconds, true));
    }

    private PhaseResult run(Phase p) {
        loop.execute(() -> {
            phase = p;
            p.start();
        });
        return p.done.join();
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One measured (or warm-up) stretch of the run. */
    private final class Phase {
        final String label;
        final double rate;
        final double seconds;
        final boolean record;
        final CompletableFuture<PhaseResult> done = new CompletableFuture<>();
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(120), 3);
        final TreeMap<String, Long> errorKinds = new TreeMap<>();
        final ArrayDeque<Long> due = new ArrayDeque<>();
        long startNanos;
        long endNanos;
        long scheduled;
        long total;
        long completed;
        long completedInWindow;
        int inFlight;
        boolean sending;
        String note = "";
        ScheduledFuture<?> ticker;

        Phase(String label, double rate, double seconds, boolean record) {
            this.label = label;
            this.rate = rate;
            this.seconds = seconds;
            this.record = record;
        }

        boolean open() {
            return rate > 0;
        }

        void start() {
            startNanos = System.nanoTime();
            endNanos = startNanos + (long) (seconds * 1e9);
            sending = true;
            loop.schedule(this::stopSending, (long) (seconds * 1e9), TimeUnit.NANOSECONDS);
            if (open()) {
                total = (long) (rate * seconds);
                ticker = loop.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.MILLISECONDS);
            } else {
                while (!idle.isEmpty() && sending) {
                    send(idle.poll(), System.nanoTime());
                }
            }
        }

        void tick() {
            long now = System.nanoTime();
            long dueNow = Math.min(total, (long) ((now - startNanos) * rate / 1e9));
            while (scheduled < dueNow) {
                due.add(startNanos + (long) (scheduled * 1e9 / rate));
                scheduled++;
            }
            drain();
        }

        void drain() {
            while (!due.isEmpty() && !idle.isEmpty() && sending) {
                Connection c = idle.poll();
                if (!send(c, due.peek())) {
                    return;
                }
                due.poll();
            }
        }

        /** Sends the next turn on {@code c}; false (and {@code c} back to idle) when no customer is ready. */
        boolean send(Connection c, long intendedNanos) {
            Customers.Turn turn = customers.next();
            if (turn == null) {
                idle.add(c);
                if (customers.allStarted() && inFlight == 0) {
                    note = "customer pool used up after " + String.format("%.1f", (System.nanoTime() - startNanos) / 1e9) + " s";
                    stopSending();
                }
                return false;
            }
            c.start(this, turn, intendedNanos);
            inFlight++;
            return true;
        }

        void answered(Connection c, Customers.Turn turn, long intendedNanos, int status, byte[] body) {
            long now = System.nanoTime();
            inFlight--;
            String error = status == 200 ? scenario.check(turn.customer(), turn.step(), body) : "http " + status;
            if (error == null) {
                customers.answered(turn);
            } else if (!errorKinds.containsKey(error)) {
                String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
                System.err.printf("first '%s' (customer %d, turn %d): HTTP %d %s%n", error, turn.customer(),
                        turn.step(), status, text.length() > 300 ? text.substring(0, 300) + "…" : text);
            }
            count(error, now - intendedNanos, now);
            idle.add(c);
            if (sending) {
                if (open()) {
                    drain();
                } else {
                    send(idle.poll(), System.nanoTime());
                }
            }
            finishIfDrained();
        }

        void failed(Customers.Turn turn, String kind) {
            inFlight--;
            count(kind, -1, System.nanoTime());
            finishIfDrained();
        }

        private void count(String error, long latencyNanos, long now) {
            if (error != null) {
                errorKinds.merge(error, 1L, Long::sum);
            } else {
                completed++;
                if (now <= endNanos) {
                    completedInWindow++;
                }
                if (record) {
                    latency.recordValue(Math.max(1, Math.min(latency.getHighestTrackableValue(), latencyNanos / 1_000)));
                }
            }
        }

        void stopSending() {
            if (!sending) {
                return;
            }
            if (open()) {
                tick();
            }
            sending = false;
            if (ticker != null) {
                ticker.cancel(false);
            }
            if (open() && scheduled < total) {
                long unsent = total - scheduled;
                errorKinds.merge("never sent (no customer ready)", unsent, Long::sum);
            }
            loop.schedule(this::giveUp, DRAIN_NANOS, TimeUnit.NANOSECONDS);
            finishIfDrained();
        }

        void giveUp() {
            if (done.isDone()) {
                return;
            }
            if (inFlight > 0) {
                errorKinds.merge("no answer within 10 s of the phase end", (long) inFlight, Long::sum);
            }
            if (!due.isEmpty()) {
                errorKinds.merge("due but never sent (server too slow)", (long) due.size(), Long::sum);
            }
            finish();
        }

        void finishIfDrained() {
            if (!sending && inFlight == 0 && (due.isEmpty() || !open())) {
                finish();
            }
        }

        void finish() {
            if (done.isDone()) {
                return;
            }
            if (open() && !due.isEmpty()) {
                errorKinds.merge("due but never sent (server too slow)", (long) due.size(), Long::sum);
                due.clear();
            }
            double window = Math.min(seconds, (System.nanoTime() - startNanos) / 1e9);
            long errors = errorKinds.values().stream().mapToLong(Long::longValue).sum();
            done.complete(new PhaseResult(scenario.name(), label, rate, window, completed,
                    (open() ? completed : completedInWindow) / window, errors, new TreeMap<>(errorKinds),
                    latency.getValueAtPercentile(50), latency.getValueAtPercentile(90),
                    latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9), latency.getMaxValue(),
                    connections.size(), note));
        }
    }

    /** One keep-alive connection with at most one request in flight. */
    private final class Connection extends SimpleChannelInboundHandler<FullHttpResponse> {
        Channel channel;
        Phase phase;
        Customers.Turn turn;
        long intendedNanos;

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel = ctx.channel();
            connections.add(this);
            idle.add(this);
            Phase current = LoadClient.this.phase;
            if (current != null && current.sending) {
                if (current.open()) {
                    current.drain();
                } else {
                    current.send(idle.poll(), System.nanoTime());
                }
            }
        }

        void start(Phase p, Customers.Turn t, long intended) {
            phase = p;
            turn = t;
            intendedNanos = intended;
            channel.writeAndFlush(Unpooled.wrappedBuffer(pool.get(t.customer(), t.step()).bytes()));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Phase p = phase;
            Customers.Turn t = turn;
            phase = null;
            turn = null;
            if (p == null) {
                return;
            }
            p.answered(this, t, intendedNanos, response.status().code(), ByteBufUtil.getBytes(response.content()));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connections.remove(this);
            idle.remove(this);
            if (phase != null) {
                Phase p = phase;
                phase = null;
                p.failed(turn, "connection closed");
            }
            if (!group.isShuttingDown()) {
                connect();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
