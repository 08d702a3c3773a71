package io.feedbackbot.sms.signature;

import java.util.List;
import java.util.Locale;

/**
 * The two spellings of a URL the provider may have signed: with its port (the scheme's default added when absent)
 * and without any port. Works on the string as configured, so the path and the still-encoded query are kept byte
 * for byte; re-encoding them through {@code java.net.URI} could change what was signed.
 */
final class UrlPorts {

    private UrlPorts() {
    }

    /** {@code [withPort, withoutPort]}; one of them is {@code url} itself. */
    static List<String> variants(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            return List.of(url);
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int hostStart = schemeEnd + 3;
        int authorityEnd = authorityEnd(url, hostStart);
        String authority = url.substring(hostStart, authorityEnd);
        int portColon = portColon(authority);
        String prefix = url.substring(0, hostStart);
        String rest = url.substring(authorityEnd);
        if (portColon >= 0) {
            return List.of(url, prefix + authority.substring(0, portColon) + rest);
        }
        String defaultPort = switch (scheme) {
            case "https" -> ":443";
            case "http" -> ":80";
            default -> "";
        };
        return List.of(prefix + authority + defaultPort + rest, url);
    }

    private static int authorityEnd(String url, int from) {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }

    /** Index of the colon before the port, or -1; skips user info and IPv6 brackets. */
    private static int portColon(String authority) {
        int hostStart = authority.lastIndexOf('@') + 1;
        int bracket = authority.lastIndexOf(']');
        int colon = authority.lastIndexOf(':');
        if (colon < hostStart || colon < bracket) {
            return -1;
        }
        return colon;
    }
}
