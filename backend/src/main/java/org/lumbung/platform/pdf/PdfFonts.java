package org.lumbung.platform.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;

import java.util.List;
import java.util.stream.Stream;

/**
 * The fonts of every PDF Lumbung prints (receipts, closing reports, chain certificates): Noto Sans for Latin
 * script, then Noto Sans Thai, Khmer, Lao, Myanmar and Javanese — the scripts of the cooperatives' members —
 * all embedded as subsets (only the glyphs used), from {@code fonts/noto} on the class path (SIL Open Font
 * Licence, {@code fonts/noto/OFL.txt}). Text is split into runs per font ({@link PdfText}); each run is shaped
 * by the JDK's glyph layout ({@link LayoutProcessor}), which places Thai, Khmer and Myanmar marks and reorders
 * Myanmar vowels, and carries its original text as {@code /ActualText}, so a reader copies or searches the
 * name that was written rather than the glyphs' order.
 */
public final class PdfFonts {

    private static final List<String> FAMILIES = List.of("NotoSans", "NotoSansThai", "NotoSansKhmer", "NotoSansLao",
            "NotoSansMyanmar", "NotoSansJavanese");

    static {
        // Must precede the fonts' creation: BaseFont registers each font with the layout processor as it loads it.
        LayoutProcessor.enableKernLiga();
        LayoutProcessor.setWriteActualText();
    }

    private static final List<BaseFont> REGULAR = load("Regular");
    private static final List<BaseFont> BOLD = load("Bold");
    private static final List<BaseFont> MONO = Stream.concat(Stream.of(font("fonts/noto/NotoMono-Regular.ttf")),
            REGULAR.stream()).toList();

    private PdfFonts() {
    }

    public static PdfText regular(float size) {
        return new PdfText(REGULAR, size);
    }

    public static PdfText bold(float size) {
        return new PdfText(BOLD, size);
    }

    /** For fingerprints and numbers an auditor copies out character by character. */
    public static PdfText monospaced(float size) {
        return new PdfText(MONO, size);
    }

    private static List<BaseFont> load(String weight) {
        return FAMILIES.stream().map(family -> font("fonts/noto/" + family + "-" + weight + ".ttf")).toList();
    }

    private static BaseFont font(String resource) {
        try {
            // Identity-H with embedding: any glyph of the font can be used, and only those used are embedded.
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("the PDF font " + resource + " is missing from the class path", e);
        }
    }
}
