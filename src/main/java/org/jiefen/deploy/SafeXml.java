package org.jiefen.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The first parse of an uploaded XML model, before any library that might be laxer sees it.
 * Models never need a DOCTYPE, so refusing it outright closes XXE and entity expansion
 * (billion laughs) at once; the other settings are there in case a parser ignores that feature.
 */
final class SafeXml {

  /** What the root element says the document is. */
  record Root(String namespace, String localName) {}

  private SafeXml() {}

  /** @throws IllegalArgumentException with a message fit for the administrator */
  static Root root(byte[] bytes) {
    Element root = parse(bytes).getDocumentElement();
    return new Root(root.getNamespaceURI(), root.getLocalName());
  }

  /**
   * The whole document, namespace-aware, parsed with the same protections.
   *
   * @throws IllegalArgumentException with a message fit for the administrator
   */
  static Document parse(byte[] bytes) {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(FAIL_ON_ERROR);
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " is not allowed");
          });
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (SAXParseException e) {
      throw new IllegalArgumentException(describe(e), e);
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("is not well-formed XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      // A JDK that cannot switch these protections on must not parse uploads at all.
      throw new IllegalStateException("secure XML parsing is not available", e);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    // The JDK's own parser, whatever else is on the class path: the settings below are its names.
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    // JDK limits are "0 = unlimited", so these are small positive numbers.
    f.setAttribute("jdk.xml.entityExpansionLimit", "64");
    f.setAttribute("jdk.xml.totalEntitySizeLimit", "65536");
    f.setAttribute("jdk.xml.maxElementDepth", "256");
    return f;
  }

  private static String describe(SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("DOCTYPE")) {
      return "contains a DOCTYPE declaration, which models must not have (it would allow external"
          + " entities and entity expansion); remove the <!DOCTYPE ...> block";
    }
    return "is not well-formed XML (line "
        + e.getLineNumber()
        + ", column "
        + e.getColumnNumber()
        + "): "
        + message;
  }

  // The default handler prints "[Fatal Error]" to stderr before throwing.
  private static final ErrorHandler FAIL_ON_ERROR =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };
}
