package io.feedbackbot.server.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.feedbackbot.config.SmsAccount;
import io.feedbackbot.sms.form.FormParams;
import io.feedbackbot.sms.form.FormParser;
import io.feedbackbot.sms.form.MalformedFormException;
import io.feedbackbot.sms.segment.SmsSegments;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A stand-in for the provider's Messages API on the simulator's machine: {@code POST
 * /2010-04-01/Accounts/{sid}/Messages.json} with the account's Basic auth gets 201 and a new sid, and the message
 * body is printed as the customer's phone would show it. Sends no status callbacks. For {@code sms-sim} only.
 */
final class LocalSmsProvider implements AutoCloseable {

    private final HttpServer server;
    private final SecureRandom random = new SecureRandom();

    private LocalSmsProvider(HttpServer server) {
        this.server = server;
    }

    static LocalSmsProvider start(int port, SmsAccount account, PrintWriter out) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        LocalSmsProvider provider = new LocalSmsProvider(server);
        String path = "/2010-04-01/Accounts/" + account.accountSid() + "/Messages.json";
        String auth = "Basic " + Base64.getEncoder().encodeToString((account.accountSid() + ":"
                + account.authToken()).getBytes(StandardCharsets.UTF_8));
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals(path)) {
                    answer(exchange, 404, "{\"code\":20404,\"message\":\"not found\",\"status\":404}");
                } else if (!auth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    answer(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
                } else {
                    provider.accept(exchange, out);
                }
            }
        });
        server.start();
        return provider;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void accept(HttpExchange exchange, PrintWriter out) throws IOException {
        FormParams form;
        try {
            form = FormParser.parse(exchange.getRequestBody().readAllBytes());
        } catch (MalformedFormException e) {
            answer(exchange, 400, "{\"code\":21000,\"message\":\"malformed form\",\"status\":400}");
            return;
        }
        byte[] id = new byte[16];
        random.nextBytes(id);
        String sid = "SM" + HexFormat.of().formatHex(id);
        String body = form.first("Body").orElse("");
        synchronized (out) {
            out.println();
            for (String line : body.split("\n")) {
                out.println("bot (via API)> " + line);
            }
            out.print("you> ");
            out.flush();
        }
        answer(exchange, 201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"num_segments\":\""
                + SmsSegments.count(body).segments() + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
