package io.tdev.ops.files;

import io.tdev.ops.model.TestReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One JUnit XML report (Surefire, Gradle, pytest, Jest ...) counted: a {@code <testsuite>} or {@code <testsuites>}
 * root, its {@code <testcase>}s and their {@code <failure>}, {@code <error>} and {@code <skipped>} children.
 * External entities and DTDs are refused: reports come from builds, not from trusted authors.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    /** The report {@code file} (its name in the result) from its bytes; never throws for what the bytes hold. */
    public static TestReport read(String file, InputStream xml) {
        Document doc;
        try {
            doc = builder().parse(xml);
        } catch (SAXException | IOException e) {
            return TestReport.malformed(file, e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("testsuite") && !root.getTagName().equals("testsuites")) {
            return TestReport.notJUnit(file, root.getTagName());
        }
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        List<String> failed = new ArrayList<>();
        NodeList cases = root.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            tests++;
            String name = testCase.getAttribute("classname") + "." + testCase.getAttribute("name");
            if (hasChild(testCase, "failure")) {
                failures++;
                name(failed, name);
            } else if (hasChild(testCase, "error")) {
                errors++;
                name(failed, name);
            } else if (hasChild(testCase, "skipped")) {
                skipped++;
            }
        }
        return TestReport.junit(file, tests, failures, errors, skipped, failed);
    }

    private static void name(List<String> failed, String name) {
        if (failed.size() < TestReport.MAX_NAMED) {
            failed.add(name);
        }
    }

    private static boolean hasChild(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(QUIET);
            return b;
        } catch (ParserConfigurationException e) {
            // the JDK's parser supports these features; without them no report may be read safely
            throw new IllegalStateException("the XML parser cannot refuse DTDs: " + e.getMessage(), e);
        }
    }

    /** A parse error is the file's {@code problem}, not a line on stderr. */
    private static final ErrorHandler QUIET = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

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
