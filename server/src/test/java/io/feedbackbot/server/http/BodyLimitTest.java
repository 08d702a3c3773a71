package io.feedbackbot.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class BodyLimitTest {

    private static HttpRequest post(long length) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/webhooks/webchat/demo");
        if (length >= 0) {
            request.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
        } else {
            request.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        }
        return request;
    }

    private static HttpContent chunk(int bytes) {
        return new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[bytes]));
    }

    @Test
    void aBodyWithinTheLimitPassesThrough() {
        EmbeddedChannel channel = new EmbeddedChannel(new BodyLimit(100));
        HttpRequest request = post(10);

        channel.writeInbound(request, new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[10])));

        assertSame(request, channel.readInbound());
        assertTrue(channel.readInbound() instanceof DefaultLastHttpContent);
        assertNull(channel.readOutbound());
        channel.finishAndReleaseAll();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedAndTheBodyDrainedBeforeClosing() {
        EmbeddedChannel channel = new EmbeddedChannel(new BodyLimit(100));

        channel.writeInbound(post(1_000), chunk(500));

        FullHttpResponse response = channel.readOutbound();
        assertEquals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, response.status());
        assertEquals("close", response.headers().get(HttpHeaderNames.CONNECTION));
        response.release();
        assertNull(channel.readInbound(), "nothing reaches the application");
        assertTrue(channel.isOpen(), "still reading the rest of the body");

        channel.writeInbound(new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[500])));
        assertFalse(channel.isOpen());
    }

    @Test
    void aChunkedBodyIsRefusedOnceItPassesTheLimit() {
        EmbeddedChannel channel = new EmbeddedChannel(new BodyLimit(100));
        HttpRequest request = post(-1);

        channel.writeInbound(request, chunk(60));
        assertSame(request, channel.readInbound());
        HttpContent first = channel.readInbound();
        first.release();

        channel.writeInbound(chunk(60));

        FullHttpResponse response = channel.readOutbound();
        assertEquals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, response.status());
        response.release();
        assertNull(channel.readInbound());
        channel.finishAndReleaseAll();
    }
}
