package io.feedbackbot.sms.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * The terminal chat behind {@code feedbackbot sms-sim}: each line typed is posted as an inbound SMS from the
 * customer's number, and the replies are printed. {@code /dup} re-posts the last SMS with the same MessageSid
 * (a provider retry, which must get no second answer); {@code /quit} or end of input stops.
 */
public final class SmsChatLoop {

    private final SmsSimulatorClient client;
    private final String localUrl;
    private final String publicUrl;
    private final String customer;
    private final String accountNumber;

    /**
     * @param localUrl      where our server listens, e.g. {@code http://127.0.0.1:8080/webhooks/sms/main}
     * @param publicUrl     the account's configured public webhook URL, which the signature covers
     * @param customer      the simulated customer's number ({@code --from})
     * @param accountNumber the account's own number, the SMS's {@code To}
     */
    public SmsChatLoop(SmsSimulatorClient client, String localUrl, String publicUrl, String customer,
                       String accountNumber) {
        this.client = Objects.requireNonNull(client, "client");
        this.localUrl = Objects.requireNonNull(localUrl, "localUrl");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.customer = Objects.requireNonNull(customer, "customer");
        this.accountNumber = Objects.requireNonNull(accountNumber, "accountNumber");
    }

    public void run(BufferedReader in, PrintWriter out) throws IOException {
        out.println("SMS from " + customer + " to " + accountNumber + " via " + localUrl
                + "  (/dup resends the last message, /quit leaves)");
        SimulatedSms last = null;
        while (true) {
            out.print("you> ");
            out.flush();
            String line = in.readLine();
            if (line == null || line.strip().equals("/quit")) {
                break;
            }
            SimulatedSms sms;
            if (line.strip().equals("/dup")) {
                if (last == null) {
                    out.println("(nothing to resend yet)");
                    continue;
                }
                sms = last;
            } else {
                sms = client.compose(customer, accountNumber, line);
            }
            last = sms;
            try {
                print(client.post(localUrl, publicUrl, sms), out);
            } catch (IOException e) {
                out.println("! could not reach " + localUrl + ": " + e.getMessage());
            }
        }
        out.println();
        out.flush();
    }

    private static void print(SimulatedReply reply, PrintWriter out) {
        if (reply.problem().isPresent()) {
            out.println("! " + reply.problem().get());
        } else if (reply.messages().isEmpty()) {
            out.println("(no reply in the webhook answer; one may follow through the SMS API)");
        } else {
            reply.messages().forEach(m -> out.println("bot> " + m));
        }
        out.flush();
    }
}
