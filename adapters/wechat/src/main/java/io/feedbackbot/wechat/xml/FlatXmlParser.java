package io.feedbackbot.wechat.xml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict parser for the XML that WeChat sends and expects: a root {@code <xml>} whose children carry text or
 * CDATA (nested elements contribute their text, as DOM's {@code getTextContent} would). It implements no DTD,
 * entity declaration, external resource or XInclude at all: a {@code <!DOCTYPE} is refused outright, and the only
 * references it knows are the five predefined entities and character references. Well-formedness (matching tags,
 * one root, legal characters, quoted attributes) is checked; attributes are read and ignored. One instance parses
 * one document.
 */
final class FlatXmlParser {

    private static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;

    FlatXmlParser(String text) {
        this.text = text;
    }

    /** The direct children of the root by name (first wins) with their text. */
    Map<String, String> parse() throws MalformedXmlException {
        skipDeclaration();
        skipMisc();
        if (text.startsWith("<!DOCTYPE", pos) || text.startsWith("<!doctype", pos)) {
            throw error("DOCTYPE is not allowed");
        }
        if (!peek('<')) {
            throw error(pos >= text.length() ? "no root element" : "content before the root element");
        }
        pos++;
        String root = name();
        boolean empty = attributesAndClose();
        if (!root.equals("xml")) {
            throw new MalformedXmlException("root element must be <xml>");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (!empty) {
            rootContent(values);
        }
        skipMisc();
        if (pos < text.length()) {
            throw error("content after the root element");
        }
        return values;
    }

    private void rootContent(Map<String, String> values) throws MalformedXmlException {
        StringBuilder ignored = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("<xml> is not closed");
            }
            if (text.startsWith("</", pos)) {
                pos += 2;
                endTag("xml");
                return;
            }
            if (peek('<') && !text.startsWith("<!--", pos) && !text.startsWith("<?", pos)
                    && !text.startsWith("<![CDATA[", pos) && !text.startsWith("<!", pos)) {
                pos++;
                String child = name();
                StringBuilder value = new StringBuilder();
                if (!attributesAndClose()) {
                    elementContent(child, value, 1);
                }
                values.putIfAbsent(child, value.toString());
            } else {
                markup(ignored);
            }
        }
    }

    /** Reads the content of an open element up to its end tag, appending all text inside it. */
    private void elementContent(String name, StringBuilder out, int depth) throws MalformedXmlException {
        if (depth > MAX_DEPTH) {
            throw error("elements nested too deeply");
        }
        while (true) {
            if (pos >= text.length()) {
                throw error("<" + name + "> is not closed");
            }
            if (text.startsWith("</", pos)) {
                pos += 2;
                endTag(name);
                return;
            }
            if (peek('<') && !text.startsWith("<!", pos) && !text.startsWith("<?", pos)) {
                pos++;
                String child = name();
                if (!attributesAndClose()) {
                    elementContent(child, out, depth + 1);
                }
            } else {
                markup(out);
            }
        }
    }

    /** Character data, a reference, CDATA, a comment or a processing instruction; text goes to {@code out}. */
    private void markup(StringBuilder out) throws MalformedXmlException {
        if (text.startsWith("<![CDATA[", pos)) {
            int end = text.indexOf("]]>", pos + 9);
            if (end < 0) {
                throw error("CDATA section is not closed");
            }
            appendChars(out, pos + 9, end);
            pos = end + 3;
        } else if (text.startsWith("<!--", pos)) {
            skipComment();
        } else if (text.startsWith("<?", pos)) {
            skipProcessingInstruction();
        } else if (text.startsWith("<!DOCTYPE", pos)) {
            throw error("DOCTYPE is not allowed");
        } else if (peek('<')) {
            throw error("unexpected markup");
        } else if (peek('&')) {
            reference(out);
        } else {
            int end = pos;
            while (end < text.length() && text.charAt(end) != '<' && text.charAt(end) != '&') {
                end++;
            }
            appendChars(out, pos, end);
            pos = end;
        }
    }

    /** Appends text[from, to) with XML's line-end normalisation, refusing characters XML does not allow. */
    private void appendChars(StringBuilder out, int from, int to) throws MalformedXmlException {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                pos = i;
                throw error("illegal character 0x" + Integer.toHexString(c));
            }
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < to && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                out.append(c);
            }
        }
    }

    private void reference(StringBuilder out) throws MalformedXmlException {
        int end = text.indexOf(';', pos);
        if (end < 0 || end - pos > 12) {
            throw error("'&' must start an entity or character reference");
        }
        String ref = text.substring(pos + 1, end);
        switch (ref) {
            case "lt" -> out.append('<');
            case "gt" -> out.append('>');
            case "amp" -> out.append('&');
            case "apos" -> out.append('\'');
            case "quot" -> out.append('"');
            default -> out.appendCodePoint(characterReference(ref));
        }
        pos = end + 1;
    }

    private int characterReference(String ref) throws MalformedXmlException {
        if (!ref.startsWith("#") || ref.length() < 2) {
            throw error("the entity \"" + ref + "\" is not declared (entities are not supported)");
        }
        try {
            int cp = ref.charAt(1) == 'x' ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1));
            boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!legal) {
                throw error("character reference to an illegal character");
            }
            return cp;
        } catch (NumberFormatException e) {
            throw error("malformed character reference");
        }
    }

    private String name() throws MalformedXmlException {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '>' || c == '/' || c == '=' || c == '<' || c == '"' || c == '\'' || Character.isWhitespace(c)) {
                break;
            }
            pos++;
        }
        if (start == pos) {
            throw error("an element name is missing");
        }
        char first = text.charAt(start);
        if (first == '-' || first == '.' || Character.isDigit(first)) {
            throw error("an element name cannot start with '" + first + "'");
        }
        return text.substring(start, pos);
    }

    /** Reads attributes up to {@code >} or {@code />}; true for an empty element. */
    private boolean attributesAndClose() throws MalformedXmlException {
        while (true) {
            boolean spaced = skipSpace();
            if (pos >= text.length()) {
                throw error("a tag is not closed");
            }
            if (text.startsWith("/>", pos)) {
                pos += 2;
                return true;
            }
            if (peek('>')) {
                pos++;
                return false;
            }
            if (!spaced) {
                throw error("attributes must be separated by white space");
            }
            name();
            skipSpace();
            if (!peek('=')) {
                throw error("an attribute has no value");
            }
            pos++;
            skipSpace();
            if (!peek('"') && !peek('\'')) {
                throw error("an attribute value must be quoted");
            }
            char quote = text.charAt(pos++);
            int end = text.indexOf(quote, pos);
            if (end < 0 || text.substring(pos, end).indexOf('<') >= 0) {
                throw error("an attribute value is not closed");
            }
            StringBuilder ignored = new StringBuilder();
            while (pos < end) {
                if (peek('&')) {
                    reference(ignored);
                } else {
                    pos++;
                }
            }
            pos = end + 1;
        }
    }

    private void endTag(String expected) throws MalformedXmlException {
        String name = name();
        skipSpace();
        if (!peek('>')) {
            throw error("an end tag is not closed");
        }
        pos++;
        if (!name.equals(expected)) {
            throw error("</" + name + "> does not close <" + expected + ">");
        }
    }

    private void skipDeclaration() throws MalformedXmlException {
        if (text.startsWith("<?xml", pos) && text.length() > pos + 5 && Character.isWhitespace(text.charAt(pos + 5))) {
            int end = text.indexOf("?>", pos);
            if (end < 0) {
                throw error("the XML declaration is not closed");
            }
            pos = end + 2;
        }
    }

    private void skipMisc() throws MalformedXmlException {
        while (true) {
            skipSpace();
            if (text.startsWith("<!--", pos)) {
                skipComment();
            } else if (text.startsWith("<?", pos)) {
                skipProcessingInstruction();
            } else {
                return;
            }
        }
    }

    private void skipComment() throws MalformedXmlException {
        int end = text.indexOf("-->", pos + 4);
        if (end < 0) {
            throw error("a comment is not closed");
        }
        pos = end + 3;
    }

    private void skipProcessingInstruction() throws MalformedXmlException {
        if (text.regionMatches(true, pos + 2, "xml", 0, 3) && (pos + 5 >= text.length()
                || Character.isWhitespace(text.charAt(pos + 5)) || text.charAt(pos + 5) == '?')) {
            throw error("an XML declaration is only allowed at the start");
        }
        int end = text.indexOf("?>", pos + 2);
        if (end < 0) {
            throw error("a processing instruction is not closed");
        }
        pos = end + 2;
    }

    private boolean skipSpace() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            pos++;
        }
        return pos > start;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private MalformedXmlException error(String reason) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new MalformedXmlException("malformed XML at line " + line + ", column " + column + ": " + reason);
    }
}
