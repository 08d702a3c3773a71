package io.feedbackbot.opennlp.features;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a customer message into {@link Token}s for both scripts at once: Han runs, Latin words, emoji and
 * punctuation. It works on a {@linkplain #normalize normalised} copy of the text that has exactly the length of the
 * original, so every token span points into the customer's own text. Stateless and thread-safe.
 */
public final class MessageTokenizer {

    private static final String[] EMOTICONS = {":'(", ":-(", ":(", ":-)", ":)", ":-d", ":d", ";)", "t_t", "-_-", "^_^"};

    private MessageTokenizer() {
    }

    /**
     * Lower case and half-width forms, one char for one char (full-width ASCII and the ideographic space are folded,
     * so {@code ？？} reads as {@code ??} and {@code ＡＰＰ} as {@code app}).
     */
    public static String normalize(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            } else if (c == '\u2019' || c == '\u2018') {
                c = '\'';
            }
            out[i] = Character.toLowerCase(c);
        }
        return new String(out);
    }

    /** Tokens of {@code norm}, which must be {@code normalize(original)}. */
    public static List<Token> tokenize(String norm) {
        List<Token> tokens = new ArrayList<>(norm.length() / 2 + 4);
        int n = norm.length();
        int i = 0;
        while (i < n) {
            int cp = norm.codePointAt(i);
            int next = i + Character.charCount(cp);
            String emoticon = emoticonAt(norm, i);
            if (Character.isWhitespace(cp) || isIgnorable(cp)) {
                i = next;
            } else if (emoticon != null) {
                tokens.add(new Token(Token.Kind.EMOJI, emoticon, i, i + emoticon.length()));
                i += emoticon.length();
            } else if (norm.startsWith("http://", i) || norm.startsWith("https://", i) || norm.startsWith("www.", i)) {
                int end = skipUntilSpace(norm, i);
                tokens.add(new Token(Token.Kind.WORD, "<url>", i, end));
                i = end;
            } else if (cp == '@' && next < n && isWordChar(norm.codePointAt(next))) {
                int end = skipWord(norm, next);
                tokens.add(new Token(Token.Kind.WORD, "<user>", i, end));
                i = end;
            } else if (MessageTokenizer.isHan(cp)) {
                int end = next;
                while (end < n && MessageTokenizer.isHan(norm.codePointAt(end))) {
                    end += Character.charCount(norm.codePointAt(end));
                }
                tokens.add(new Token(Token.Kind.HAN, norm.substring(i, end), i, end));
                i = end;
            } else if (isWordChar(cp) && cp != '_') {
                int end = skipWord(norm, i);
                tokens.add(new Token(Token.Kind.WORD, wordForm(norm.substring(i, end)), i, end));
                i = end;
            } else if (cp == '#' && next < n && Character.isLetter(norm.codePointAt(next))) {
                int end = skipWord(norm, next);
                tokens.add(new Token(Token.Kind.WORD, wordForm(norm.substring(next, end)), i, end));
                i = end;
            } else if (isEmoji(cp)) {
                tokens.add(new Token(Token.Kind.EMOJI, new String(Character.toChars(cp)), i, next));
                i = next;
            } else if (cp == '!' || cp == '?') {
                int end = i;
                while (end < n && (norm.charAt(end) == '!' || norm.charAt(end) == '?')) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.MARK, markForm(norm, i, end), i, end));
                i = end;
            } else if (cp == '\u2026' || (cp == '.' && norm.startsWith("..", i))) {
                int end = i;
                while (end < n && (norm.charAt(end) == '.' || norm.charAt(end) == '\u2026')) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.MARK, "...", i, end));
                i = end;
            } else {
                if (isBreak(cp)) {
                    tokens.add(new Token(Token.Kind.BREAK, ",", i, next));
                }
                i = next;
            }
        }
        return tokens;
    }

    private static String emoticonAt(String norm, int i) {
        char c = norm.charAt(i);
        if (c != ':' && c != ';' && c != 't' && c != '-' && c != '^') {
            return null;
        }
        for (String e : EMOTICONS) {
            if (norm.startsWith(e, i)) {
                int after = i + e.length();
                boolean boundedBefore = i == 0 || !Character.isLetterOrDigit(norm.charAt(i - 1));
                boolean boundedAfter = after >= norm.length() || !Character.isLetterOrDigit(norm.charAt(after));
                if (boundedBefore && boundedAfter) {
                    return e;
                }
            }
        }
        return null;
    }

    private static String wordForm(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (Character.isLetter(word.charAt(k))) {
                return word;
            }
        }
        return "<num>";
    }

    private static String markForm(String norm, int start, int end) {
        boolean bang = false;
        boolean question = false;
        for (int k = start; k < end; k++) {
            bang |= norm.charAt(k) == '!';
            question |= norm.charAt(k) == '?';
        }
        if (bang && question) {
            return "?!";
        }
        String one = bang ? "!" : "?";
        return end - start > 1 ? one + one : one;
    }

    private static boolean isWordChar(int cp) {
        return (Character.isLetterOrDigit(cp) || cp == '_') && !MessageTokenizer.isHan(cp);
    }

    private static int skipWord(String s, int i) {
        int end = i;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            boolean inner = end > i && end + 1 < s.length()
                    && ((cp == '\'' && Character.isLetter(s.charAt(end + 1)))
                    || ((cp == '.' || cp == ',') && Character.isDigit(s.charAt(end - 1)) && Character.isDigit(s.charAt(end + 1))));
            if (!isWordChar(cp) && !inner) {
                break;
            }
            end += Character.charCount(cp);
        }
        return end;
    }

    private static int skipUntilSpace(String s, int i) {
        int end = i;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isIgnorable(int cp) {
        return cp == 0x200D || cp == 0xFE0F || cp == 0xFE0E || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    /**
     * Han ideographs (CJK unified, extension A, compatibility and the supplementary planes). A range check:
     * {@code Character.UnicodeScript.of} is a table search and dominated the cost of a message.
     */
    static boolean isHan(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2B50 || cp == 0x2B55
                || cp == 0x2764 || cp == 0x3030;
    }

    private static boolean isBreak(int cp) {
        return switch (cp) {
            case ',', '.', ';', ':', '(', ')', '[', ']', '"', '~', '\u3001', '\u3002', '\u300C', '\u300D', '\u3010', '\u3011',
                    '\u201C', '\u201D', '\uFF5E' -> true;
            default -> false;
        };
    }
}
