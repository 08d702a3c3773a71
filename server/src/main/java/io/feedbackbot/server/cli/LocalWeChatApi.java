package io.feedbackbot.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A stand-in for the three WeChat API calls the server makes ({@code stable_token}, customer-service and
 * template sends), on 127.0.0.1, for {@code wechat-sim --fake-api}: it accepts every call and hands the messages
 * addressed to the simulated follower to a printer. Not a test double with error codes; those live in the tests.
 */
final class LocalWeChatApi implements AutoCloseable {

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong msgIds = new AtomicLong(1_000);
    private final String token = "sim-" + UUID.randomUUID();
    private final String openId;
    private final BiConsumer<String, String> printer;

    private LocalWeChatApi(HttpServer server, String openId, BiConsumer<String, String> printer) {
        this.server = server;
        this.openId = openId;
        this.printer = printer;
    }

    /** @param printer receives (how it was sent, text) for each message to {@code openId} */
    static LocalWeChatApi start(int port, String openId, BiConsumer<String, String> printer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        LocalWeChatApi api = new LocalWeChatApi(server, openId, printer);
        server.createContext("/cgi-bin/", api::handle);
        server.start();
        return api;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            String path = exchange.getRequestURI().getPath();
            Map<String, Object> answer = switch (path) {
                case "/cgi-bin/stable_token" -> Map.of("access_token", token, "expires_in", 7200);
                case "/cgi-bin/message/custom/send" -> {
                    show(body, "customer-service API", body.path("text").path("content").asText());
                    yield Map.of("errcode", 0, "errmsg", "ok");
                }
                case "/cgi-bin/message/template/send" -> {
                    show(body, "template " + body.path("template_id").asText(), template(body));
                    yield Map.of("errcode", 0, "errmsg", "ok", "msgid", msgIds.incrementAndGet());
                }
                default -> Map.of("errcode", 40066, "errmsg", "invalid url (not simulated)");
            };
            byte[] bytes = json.writeValueAsBytes(answer);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void show(JsonNode body, String via, String text) {
        if (openId.equals(body.path("touser").asText())) {
            printer.accept(via, text);
        }
    }

    private static String template(JsonNode body) {
        StringBuilder text = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.path("data").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            text.append(field.getKey()).append(": ").append(field.getValue().path("value").asText()).append('\n');
        }
        if (body.hasNonNull("url")) {
            text.append("link: ").append(body.get("url").asText()).append('\n');
        }
        return text.toString().strip();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
