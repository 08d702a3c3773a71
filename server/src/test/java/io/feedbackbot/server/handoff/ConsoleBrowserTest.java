package io.feedbackbot.server.handoff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.feedbackbot.core.ticket.Ticket;
import io.feedbackbot.server.testing.TestBrowser;
import io.feedbackbot.server.testing.TestServer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console in a real browser (Debian chromium driven by Playwright; run with {@code -Pbrowser}): a web chat
 * customer gives a 3, the ticket appears in two agents' live queues without a reload, both click claim at once and
 * the loser is told, the winner chats with the customer (whose XSS attempts show as text), resolves, and the bot
 * asks the customer the follow-up in the web chat.
 */
class ConsoleBrowserTest {

    private static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(20_000);

    private static TestServer server;
    private static TestBrowser chromium;
    private static Browser browser;

    @BeforeAll
    static void start() {
        TestBrowser.assumeEnabled();
        server = HandoffRig.start(Clock.systemUTC());
        chromium = TestBrowser.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A fresh browser profile (its own cookies), watching for dialogs and console errors. */
    private static Page page(List<String> dialogs) {
        BrowserContext context = browser.newContext();
        Page page = context.newPage();
        page.onDialog(d -> {
            dialogs.add(d.type() + ": " + d.message());
            d.dismiss();
        });
        return page;
    }

    private static Page agent(String username, List<String> dialogs) {
        Page page = page(dialogs);
        page.navigate(server.url("/console/"));
        page.fill("#username", username);
        page.fill("#password", HandoffRig.PASSWORD);
        page.click("#login-form button[type=submit]");
        assertThat(page.locator("#queue-view")).isVisible(SOON);
        assertThat(page.locator("#live.on")).isVisible(SOON);
        page.evaluate("window.__sameDocument = true");
        return page;
    }

    @Test
    void anAgentClaimsRepliesAndResolvesWhileTheCustomerChatsInTheWebChat() {
        List<String> dialogs = new CopyOnWriteArrayList<>();
        Page dan = agent("dan", dialogs);
        Page bob = agent("bob", dialogs);

        Page chat = page(dialogs);
        chat.navigate(server.url("/?customer=browser-1"));
        say(chat, "你好");
        assertThat(chat.locator("#messages li.bot").last()).containsText("推荐");
        say(chat, "3");

        Ticket ticket = HandoffRig.ticketOf(server, "browser-1");
        Locator bobRow = bob.locator("tr[data-ticket-id='" + ticket.id() + "']");
        assertThat(bobRow).isVisible(SOON);
        assertThat(dan.locator("tr[data-ticket-id='" + ticket.id() + "']")).isVisible(SOON);
        assertEquals(true, bob.evaluate("window.__sameDocument === true"), "the ticket appeared without a reload");
        assertThat(bobRow).containsText("detractor");
        assertThat(bobRow).containsText("3");

        bobRow.click();
        dan.locator("tr[data-ticket-id='" + ticket.id() + "']").click();
        assertThat(bob.locator("#claim")).isVisible(SOON);
        assertThat(dan.locator("#claim")).isVisible(SOON);
        assertThat(bob.locator("#transcript li.customer.score-line mark.score")).hasText("3");
        bob.evaluate("document.getElementById('claim').click()");
        dan.evaluate("document.getElementById('claim').click()");

        String winnerName = HandoffRig.await(() -> java.util.Optional.ofNullable(
                HandoffRig.reload(server, ticket.id()).assignee()), "a claim");
        Page winner = winnerName.equals("bob") ? bob : dan;
        Page loser = winner == bob ? dan : bob;
        assertThat(loser.locator("#t-message")).containsText("already claimed by " + winnerName,
                new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        assertThat(winner.locator("#reply-form")).isVisible(SOON);
        assertThat(chat.locator("#messages li.bot").last()).containsText("客服已接入");

        winner.fill("#reply-text", "您好，我是客服，很抱歉这次配送慢了。");
        winner.click("#reply-form button[type=submit]");
        assertThat(winner.locator("#reply-outcome")).containsText("Delivered to the web chat");
        assertThat(chat.locator("#messages li.bot").last()).hasText("您好，我是客服，很抱歉这次配送慢了。");

        say(chat, "<img src=x onerror=alert(1)>");
        say(chat, "<script>alert(2)</script>骑手迟到");
        Locator transcript = winner.locator("#transcript");
        assertThat(transcript.locator("li.customer").last()).containsText("<script>alert(2)</script>骑手迟到");
        assertThat(transcript.locator("li.customer", new Locator.LocatorOptions()
                .setHasText("<img src=x onerror=alert(1)>"))).hasCount(1);
        assertEquals(0, transcript.locator("img, script").count(), "customer text never becomes markup");

        winner.fill("#resolve-note", "已退配送费 refunded the delivery fee");
        winner.check("input[name=complaint][value=true]");
        winner.click("#resolve-form button[type=submit]");
        assertThat(winner.locator("[data-fact=status]")).hasText("resolved");
        assertThat(chat.locator("#messages li.bot").last()).containsText("您的问题解决了吗");
        assertThat(bob.locator("tr[data-ticket-id='" + ticket.id() + "']")).hasCount(0);

        assertTrue(dialogs.isEmpty(), "no alert or other dialog fired: " + dialogs);
    }

    private static void say(Page chat, String text) {
        int before = chat.locator("#messages li.me").count();
        chat.fill("#text", text);
        chat.press("#text", "Enter");
        assertThat(chat.locator("#messages li.me:not(.pending)")).hasCount(before + 1);
    }

    @SuppressWarnings("unused")
    private static final Pattern ANY = Pattern.compile(".*");
}
