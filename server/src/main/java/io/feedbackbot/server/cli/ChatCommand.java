package io.feedbackbot.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code feedbackbot chat}: the web chat in a terminal. Posts each line to the running server's web chat webhook
 * as a customer would, prints the replies, and polls the mailbox for messages that come later.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = "Take a survey in the terminal, talking to a running server over the web chat channel.")
final class ChatCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "the server (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--account", defaultValue = "demo", description = "web chat account (default: ${DEFAULT-VALUE})")
    String account;

    @Option(names = "--customer", description = "customer id (default: a new random one)")
    String customer;

    @Option(names = "--language", description = "zh-CN or en, used when your text does not tell")
    String language;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        if (customer == null) {
            customer = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        }
        String base = url.replaceAll("/+$", "");
        String cursor;
        try {
            cursor = poll(base, null);
        } catch (ConnectException e) {
            System.err.println("feedbackbot: cannot reach " + base + " - start the server with ./feedbackbot serve");
            return 1;
        }
        out.println("Chatting with " + base + " as customer " + customer + " (account " + account
                + "). Type a message; an empty line or Ctrl-D quits.");
        String[] last = {cursor};
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1_000);
                    last[0] = poll(base, last[0]);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    // the server may be restarting; keep polling
                }
            }
        }, "mailbox-poll");
        poller.setDaemon(true);
        poller.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        out.print("you> ");
        out.flush();
        while ((line = in.readLine()) != null && !line.isBlank()) {
            send(base, line.strip());
            out.print("you> ");
            out.flush();
        }
        poller.interrupt();
        return 0;
    }

    private void send(String base, String text) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", customer);
        body.put("text", text);
        body.put("messageId", UUID.randomUUID().toString());
        if (language != null) {
            body.put("language", language);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/webhooks/webchat/" + account))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode reply = json.readTree(response.body());
        if (response.statusCode() != 200) {
            out.println("(error " + response.statusCode() + ": " + reply.path("error").asText() + ")");
            return;
        }
        for (JsonNode r : reply.path("replies")) {
            print(r.path("text").asText());
        }
    }

    private String poll(String base, String cursor) throws IOException, InterruptedException {
        String query = "customer=" + URLEncoder.encode(customer, StandardCharsets.UTF_8)
                + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/webhooks/webchat/" + account
                + "/messages?" + query)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("mailbox answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode page = json.readTree(response.body());
        for (JsonNode m : page.path("messages")) {
            out.println();
            print(m.path("text").asText());
            out.print("you> ");
            out.flush();
        }
        return page.path("cursor").isNull() ? cursor : page.path("cursor").asText();
    }

    private void print(String text) {
        for (String line : text.split("\n")) {
            out.println("bot> " + line);
        }
    }
}
