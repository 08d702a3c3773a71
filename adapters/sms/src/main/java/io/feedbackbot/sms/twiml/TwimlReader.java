package io.feedbackbot.sms.twiml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the reply texts out of a TwiML answer, as the provider would before sending them: the text of each
 * {@code <Message>} (or of its {@code <Body>} child) under {@code <Response>}. Used by the simulator and tests.
 * Invariant: DTDs and external entities are refused, never resolved.
 */
public final class TwimlReader {

    private TwimlReader() {
    }

    public static List<String> messages(String xml) throws MalformedTwimlException {
        Element root = parse(xml).getDocumentElement();
        if (!"Response".equals(root.getTagName())) {
            throw new MalformedTwimlException("the root element is <" + root.getTagName() + ">, not <Response>");
        }
        List<String> texts = new ArrayList<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element message && "Message".equals(message.getTagName())) {
                texts.add(text(message));
            }
        }
        return List.copyOf(texts);
    }

    private static String text(Element message) {
        NodeList bodies = message.getElementsByTagName("Body");
        if (bodies.getLength() > 0) {
            return bodies.item(0).getTextContent();
        }
        StringBuilder text = new StringBuilder();
        NodeList children = message.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    private static Document parse(String xml) throws MalformedTwimlException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXException | IOException e) {
            throw new MalformedTwimlException("not well-formed TwiML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be made safe", e);
        }
    }
}
