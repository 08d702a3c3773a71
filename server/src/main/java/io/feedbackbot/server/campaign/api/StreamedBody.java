package io.feedbackbot.server.campaign.api;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body as an InputStream for a worker thread, fed chunk by chunk from the event loop. When the worker
 * falls behind, the connection stops reading (Netty's auto-read off) until it catches up, so a large upload never
 * fills memory and the event loop never waits.
 *
 * <p>Invariant: at most about {@link #HIGH_WATER} bytes are buffered; past {@code maxBytes} in total the stream
 * fails as too large.
 */
final class StreamedBody extends InputStream {

    static final int HIGH_WATER = 4 * 1024 * 1024;
    static final int LOW_WATER = 1024 * 1024;
    static final long STALL = TimeUnit.SECONDS.toMillis(120);
    private static final byte[] END = new byte[0];

    private final Channel channel;
    private final long maxBytes;
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private final AtomicLong buffered = new AtomicLong();
    private volatile IOException failure;
    private volatile boolean tooLarge;
    private volatile boolean closed;
    private long received;
    private byte[] current;
    private int pos;
    private boolean ended;

    StreamedBody(Channel channel, long maxBytes) {
        this.channel = channel;
        this.maxBytes = maxBytes;
    }

    /** Event loop: copies a chunk in. */
    void offer(ByteBuf content) {
        if (closed || failure != null) {
            return;
        }
        byte[] bytes = new byte[content.readableBytes()];
        content.readBytes(bytes);
        received += bytes.length;
        if (received > maxBytes) {
            tooLarge = true;
            fail(new IOException("the audience file is larger than " + maxBytes / (1024 * 1024) + " MB"));
            return;
        }
        chunks.add(bytes);
        if (buffered.addAndGet(bytes.length) > HIGH_WATER) {
            channel.config().setAutoRead(false);
        }
    }

    /** Event loop: the body is complete. */
    void end() {
        chunks.add(END);
    }

    /** The body will not complete (the client went away, or it is too large). */
    void fail(IOException e) {
        failure = e;
        chunks.add(END);
    }

    boolean tooLarge() {
        return tooLarge;
    }

    /** Whether the whole body arrived and was read. */
    boolean complete() {
        return ended && failure == null;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || pos == current.length) {
            if (ended) {
                return endOfBody();
            }
            try {
                current = chunks.poll(STALL, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the upload");
            }
            if (current == null) {
                throw new IOException("the upload stalled for " + STALL / 1000 + " s");
            }
            pos = 0;
            if (current == END) {
                ended = true;
                return endOfBody();
            }
            if (buffered.addAndGet(-current.length) < LOW_WATER && !channel.config().isAutoRead()) {
                channel.config().setAutoRead(true);
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    private int endOfBody() throws IOException {
        if (failure != null) {
            throw failure;
        }
        return -1;
    }

    @Override
    public void close() {
        closed = true;
        chunks.clear();
        if (!channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }
}
