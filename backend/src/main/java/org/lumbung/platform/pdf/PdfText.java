package org.lumbung.platform.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;

import java.util.List;

/**
 * A style of printed text (a font list and a size) that sets any text: each character goes to the first font
 * that has it, and a space, digit or punctuation mark ({@code COMMON}/{@code INHERITED} script) stays in the
 * run it is in, so "สมชาย ใจดี" is one run of the Thai font, shaped as a whole.
 */
public final class PdfText {

    private final List<BaseFont> fonts;
    private final List<Font> sized;

    PdfText(List<BaseFont> fonts, float size) {
        this.fonts = fonts;
        this.sized = fonts.stream().map(f -> new Font(f, size)).toList();
    }

    public Phrase phrase(String text) {
        Phrase phrase = new Phrase(sized.get(0).getCalculatedLeading(1.5f));
        phrase.setFont(sized.get(0));
        int runStart = 0;
        int runFont = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int font = fontFor(codePoint, runFont);
            if (font != runFont && i > runStart) {
                phrase.add(new Chunk(text.substring(runStart, i), sized.get(runFont)));
                runStart = i;
            }
            runFont = font;
            i += Character.charCount(codePoint);
        }
        if (runStart < text.length()) {
            phrase.add(new Chunk(text.substring(runStart), sized.get(runFont)));
        }
        return phrase;
    }

    public Paragraph paragraph(String text) {
        Paragraph paragraph = new Paragraph(phrase(text));
        paragraph.setFont(sized.get(0));
        return paragraph;
    }

    /** The first font with the character; the current run's font for a space or mark it also has. */
    private int fontFor(int codePoint, int runFont) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        boolean neutral = script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED;
        if (neutral && runFont >= 0 && fonts.get(runFont).charExists(codePoint)) {
            return runFont;
        }
        for (int f = 0; f < fonts.size(); f++) {
            if (fonts.get(f).charExists(codePoint)) {
                return f;
            }
        }
        return 0;
    }
}
