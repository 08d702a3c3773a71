package io.feedbackbot.wechat.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads WeChat XML with a parser that refuses any DOCTYPE (so no internal or external entities, no billion
 * laughs), never fetches external DTDs or schemas, never processes XInclude, and resolves no entity. If the JDK
 * cannot be configured this way the class fails to load rather than parse unsafely. Thread-safe.
 */
public final class SafeXmlReader {

    private static final int MAX_REASON_LENGTH = 160;
    private static final DocumentBuilderFactory FACTORY = hardenedFactory();
    // A builder is not thread-safe but may parse many documents; reset() is avoided because it drops the
    // entity resolver and error handler installed below.
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXmlReader::newBuilder);

    private SafeXmlReader() {
    }

    /** Reads a UTF-8 (or self-declared encoding) document whose root is {@code <xml>}. */
    public static XmlFields read(byte[] document) throws MalformedXmlException {
        if (document == null || document.length == 0) {
            throw new MalformedXmlException("empty body");
        }
        DocumentBuilder builder = BUILDER.get();
        try {
            Document parsed = builder.parse(new InputSource(new ByteArrayInputStream(document)));
            return fields(parsed.getDocumentElement());
        } catch (SAXParseException e) {
            throw new MalformedXmlException("malformed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + shorten(e.getMessage()));
        } catch (SAXException | IOException e) {
            throw new MalformedXmlException("malformed XML: " + shorten(e.getMessage()));
        }
    }

    /** Reads a document given as text. */
    public static XmlFields read(String document) throws MalformedXmlException {
        return read(document == null ? null : document.getBytes(StandardCharsets.UTF_8));
    }

    private static XmlFields fields(Element root) throws MalformedXmlException {
        if (!"xml".equals(root.getTagName())) {
            throw new MalformedXmlException("root element must be <xml>");
        }
        Map<String, String> values = new LinkedHashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                values.putIfAbsent(child.getNodeName(), child.getTextContent());
            }
        }
        return new XmlFields(values);
    }

    private static String shorten(String message) {
        String line = message == null ? "unreadable" : message.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_REASON_LENGTH ? line : line.substring(0, MAX_REASON_LENGTH) + "...";
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened; refusing to parse with it", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        factory.setValidating(false);
        return factory;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            builder.setErrorHandler(new SilentErrorHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create a hardened XML parser", e);
        }
    }

    /** Turns every problem into an exception instead of the parser's default printing to stderr. */
    private static final class SilentErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // Warnings never change what we accept; the document is still checked for errors.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
