package io.portico.settings.internal;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Refuses an SVG that could run script or fetch anything when a browser opens it: only drawing elements are allowed
 * (no {@code script}, {@code foreignObject}, {@code image}, links or animation), no event-handler attributes, no
 * references outside the file ({@code href} only to {@code #ids}, CSS {@code url()} only to {@code #ids}, no
 * {@code @import}), no DTD or entities, no processing instructions. Refusing, not cleaning: the admin sees why and
 * exports the logo again, and no half-understood markup is ever served. The file is served as {@code image/svg+xml}
 * with a sandboxing CSP besides.
 */
final class SvgCheck {

    static final String SVG_NS = "http://www.w3.org/2000/svg";

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "title", "desc", "metadata", "symbol",
            "use", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
            "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "style", "filter",
            "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feFlood", "feComposite", "feMerge",
            "feMergeNode", "feDropShadow");
    /** Drawing tools' own metadata (Inkscape, Sodipodi, RDF, Dublin Core, Creative Commons): never rendered. */
    private static final Set<String> METADATA_NAMESPACES = Set.of(
            "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/",
            "http://creativecommons.org/ns#", "http://web.resource.org/cc/");
    /** {@code url(} not followed by {@code #}: a reference to another file. */
    private static final Pattern EXTERNAL_URL = Pattern.compile("url\\(\\s*+['\"]?+\\s*+(?!#)",
            Pattern.CASE_INSENSITIVE);

    private SvgCheck() {
    }

    /**
     * @throws InvalidSettingException naming {@code field} and what was refused
     */
    static void check(String field, byte[] svg) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(svg));
        } catch (Exception e) {
            throw new InvalidSettingException(field, "The SVG file is not well-formed XML (or declares a DTD, which "
                    + "is not allowed).");
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            throw new InvalidSettingException(field, "The file is not an SVG image (its root element is not svg).");
        }
        for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                throw refused(field, "a processing instruction (" + ((org.w3c.dom.ProcessingInstruction) node)
                        .getTarget() + ")");
            }
        }
        check(field, root);
    }

    private static void check(String field, Element element) {
        String namespace = element.getNamespaceURI();
        if (namespace != null && METADATA_NAMESPACES.contains(namespace)) {
            return;
        }
        if (!SVG_NS.equals(namespace) || !ELEMENTS.contains(element.getLocalName())) {
            throw refused(field, "the element <" + element.getTagName() + ">");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            if (name.toLowerCase(Locale.ROOT).startsWith("on")) {
                throw refused(field, "the event handler " + attribute.getName());
            }
            if (name.equals("href") && !value.strip().startsWith("#")) {
                throw refused(field, "a reference to another file (" + attribute.getName() + ")");
            }
            if (external(value)) {
                throw refused(field, "a reference to another file (in " + attribute.getName() + ")");
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> check(field, (Element) child);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (external(child.getNodeValue())) {
                        throw refused(field, "a reference to another file (in <" + element.getTagName() + ">)");
                    }
                }
                case Node.PROCESSING_INSTRUCTION_NODE -> throw refused(field, "a processing instruction");
                default -> {
                }
            }
        }
    }

    private static boolean external(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return EXTERNAL_URL.matcher(text).find() || lower.contains("@import") || lower.contains("javascript:");
    }

    private static InvalidSettingException refused(String field, String what) {
        return new InvalidSettingException(field, "The SVG file holds " + what + ", which could run script or load "
                + "something from elsewhere. Export it as a plain drawing (or as PNG) and upload it again.");
    }
}
