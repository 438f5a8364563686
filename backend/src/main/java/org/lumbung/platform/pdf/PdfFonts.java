package org.lumbung.platform.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;

/**
 * The fonts of every PDF Lumbung prints (receipts, closing reports): one place, so that when the region's
 * scripts get embedded fonts, every document gets them at once.
 */
public final class PdfFonts {

    private PdfFonts() {
    }

    public static Font regular(float size) {
        return FontFactory.getFont(FontFactory.HELVETICA, size);
    }

    public static Font bold(float size) {
        return FontFactory.getFont(FontFactory.HELVETICA_BOLD, size);
    }

    /** For fingerprints and numbers an auditor copies out character by character. */
    public static Font monospaced(float size) {
        return FontFactory.getFont(FontFactory.COURIER_BOLD, size);
    }
}
