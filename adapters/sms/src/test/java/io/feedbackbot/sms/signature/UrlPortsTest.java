package io.feedbackbot.sms.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrlPortsTest {

    @Test
    void urlWithoutPortGainsTheDefaultPortOfItsScheme() {
        assertEquals(List.of("https://a.example:443/p?q=1", "https://a.example/p?q=1"),
                UrlPorts.variants("https://a.example/p?q=1"));
        assertEquals(List.of("http://a.example:80/p", "http://a.example/p"),
                UrlPorts.variants("http://a.example/p"));
    }

    @Test
    void urlWithPortLosesIt() {
        assertEquals(List.of("https://a.example:8443/p", "https://a.example/p"),
                UrlPorts.variants("https://a.example:8443/p"));
    }

    @Test
    void userInfoAndIpv6BracketsAreNotMistakenForAPort() {
        assertEquals(List.of("https://u:pw@a.example:443/p", "https://u:pw@a.example/p"),
                UrlPorts.variants("https://u:pw@a.example/p"));
        assertEquals(List.of("http://[::1]:80/p", "http://[::1]/p"), UrlPorts.variants("http://[::1]/p"));
        assertEquals(List.of("http://[::1]:8080/p", "http://[::1]/p"), UrlPorts.variants("http://[::1]:8080/p"));
    }

    @Test
    void urlWithoutPathOrWithAnEncodedQueryKeepsEverythingAfterTheHost() {
        assertEquals(List.of("https://a.example:443?x=%2B1", "https://a.example?x=%2B1"),
                UrlPorts.variants("https://a.example?x=%2B1"));
    }
}
