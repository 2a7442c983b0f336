package io.tdev.ops.report;

import io.tdev.ops.api.checklist.ChecklistItem;
import io.tdev.ops.api.checklist.ChecklistResult;
import io.tdev.ops.api.checklist.ItemStatus;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;

/**
 * The checklist as a JUnit XML test suite, so Jenkins' junit step shows each item as a test: FAIL is a failure,
 * WAIVED and SKIPPED are skipped with their reason, PASS passes; the evidence goes to system-out.
 */
public final class JUnitXmlReport {
    private JUnitXmlReport() {
    }

    public static String checklist(ChecklistResult c) {
        long failures = c.items().stream().filter(i -> i.status() == ItemStatus.FAIL).count();
        long skipped = c.items().stream().filter(i -> i.status() == ItemStatus.SKIPPED || i.status() == ItemStatus.PLANNED
                || i.status() == ItemStatus.WAIVED).count();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "tdev-ops.pre-deploy-checklist." + c.environment());
            w.writeAttribute("tests", String.valueOf(c.items().size()));
            w.writeAttribute("failures", String.valueOf(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", String.valueOf(skipped));
            w.writeAttribute("timestamp", c.checkedAt().toString());
            w.writeCharacters("\n");
            for (ChecklistItem i : c.items()) {
                w.writeCharacters("  ");
                w.writeStartElement("testcase");
                w.writeAttribute("classname", "pre-deploy-checklist." + c.environment());
                w.writeAttribute("name", i.name());
                w.writeAttribute("time", "0");
                switch (i.status()) {
                    case FAIL -> {
                        w.writeStartElement("failure");
                        w.writeAttribute("message", clean(i.evidence()));
                        w.writeAttribute("type", "ChecklistItemFailed");
                        w.writeCharacters(clean(i.title() + ": " + i.evidence()));
                        w.writeEndElement();
                    }
                    case WAIVED -> {
                        w.writeEmptyElement("skipped");
                        w.writeAttribute("message", clean("WAIVED by " + i.by() + ": " + i.reason()));
                    }
                    case SKIPPED, PLANNED -> {
                        w.writeEmptyElement("skipped");
                        w.writeAttribute("message", clean(i.status() + ": " + i.evidence()));
                    }
                    case PASS -> { }
                }
                w.writeStartElement("system-out");
                w.writeCharacters(clean(i.status() + ": " + i.evidence()));
                w.writeEndElement();
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write JUnit XML: " + e.getMessage(), e);
        }
        return out.toString() + "\n";
    }

    /** XML 1.0 cannot carry most control characters, even escaped; drop them. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF)).forEach(b::appendCodePoint);
        return b.toString();
    }
}
