package org.lumbung.platform.pdf;

import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/** The label-and-value rows of every printed document's facts table. */
public final class PdfTables {

    private PdfTables() {
    }

    /** A two-column table without borders, the labels narrower than the values. */
    public static PdfPTable facts() {
        PdfPTable table = new PdfPTable(new float[] {2, 3});
        table.setWidthPercentage(100);
        return table;
    }

    public static void row(PdfPTable table, PdfText labelStyle, String label, PdfText valueStyle, String value) {
        PdfPCell l = new PdfPCell(labelStyle.phrase(label));
        l.setBorder(0);
        PdfPCell v = new PdfPCell(valueStyle.phrase(value));
        v.setBorder(0);
        table.addCell(l);
        table.addCell(v);
    }
}
