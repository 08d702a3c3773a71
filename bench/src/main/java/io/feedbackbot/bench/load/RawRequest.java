package io.feedbackbot.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 request serialised ahead of time (request line, headers, body), so that sending it costs the load
 * generator a buffer write and nothing else. Connections are kept alive (HTTP/1.1's default).
 */
public record RawRequest(byte[] bytes) {

    /** A POST of {@code body} to {@code target} (path and query, already encoded) on {@code host}. */
    public static RawRequest post(String host, String target, String contentType, Map<String, String> headers,
                                  byte[] body) {
        StringBuilder head = new StringBuilder(256 + target.length());
        head.append("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return new RawRequest(all);
    }
}
