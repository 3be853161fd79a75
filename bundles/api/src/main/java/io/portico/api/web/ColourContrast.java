package io.portico.api.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * WCAG 2 contrast between {@code #rrggbb} colours, for pages that let an operator choose a colour: which text reads
 * on it, and whether a pair meets AA ({@value #AA} for normal text).
 *
 * @since 1.5
 */
public final class ColourContrast {

    /** WCAG 2 AA's least contrast for normal-size text. */
    public static final double AA = 4.5;
    /** The text colour on light colours: near-black, softer than pure black. */
    public static final String DARK_TEXT = "#111111";
    public static final String WHITE = "#ffffff";

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private ColourContrast() {
    }

    /** Whether {@code text} is a colour as {@code #rrggbb}. */
    public static boolean isColour(String text) {
        return text != null && HEX.matcher(text).matches();
    }

    /**
     * The contrast ratio of two colours, from 1 (the same) to 21 (black on white).
     *
     * @throws IllegalArgumentException when either is not {@code #rrggbb}
     */
    public static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** White or {@link #DARK_TEXT}, whichever contrasts more with {@code background} (at least 4.5:1 either way). */
    public static String readableTextOn(String background) {
        return ratio(WHITE, background) >= ratio(DARK_TEXT, background) ? WHITE : DARK_TEXT;
    }

    /** {@code colour}, darkened in small steps until it reads on white at {@link #AA}. */
    public static String onWhite(String colour) {
        int[] rgb = rgb(colour);
        String candidate = colour.toLowerCase(Locale.ROOT);
        for (int step = 0; ratio(candidate, WHITE) < AA; step++) {
            double keep = 1 - 0.05 * (step + 1);
            candidate = hex((int) (rgb[0] * keep), (int) (rgb[1] * keep), (int) (rgb[2] * keep));
        }
        return candidate;
    }

    private static double luminance(String colour) {
        int[] rgb = rgb(colour);
        return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int[] rgb(String colour) {
        if (!isColour(colour)) {
            throw new IllegalArgumentException("Not a colour as #rrggbb: " + colour);
        }
        int value = Integer.parseInt(colour.substring(1), 16);
        return new int[] {value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff};
    }

    private static String hex(int r, int g, int b) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
