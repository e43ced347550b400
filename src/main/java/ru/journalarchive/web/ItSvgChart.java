package ru.journalarchive.web;

import java.util.List;
import java.util.Locale;

/**
 * Draws a bar chart as inline SVG on the server (the Content Security Policy allows no scripts to draw one): one
 * group of bars per category, one bar per series, side by side or stacked, with a {@code <title>} and
 * {@code data-series}, {@code data-category}, {@code data-value} on every bar so a tooltip and a test can read it.
 * Colours come from the classes {@code s0…s5} of {@code it.css}.
 */
final class ItSvgChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 58;

    /** A named series of values, one per category, drawn in colour {@code s<colour>} (its position if negative). */
    record Series(String name, List<Long> values, int colour) {

        Series(String name, List<Long> values) {
            this(name, values, -1);
        }

        String colourOf(int position) {
            return "s" + ((colour < 0 ? position : colour) % 6);
        }
    }

    private ItSvgChart() {
    }

    /**
     * The chart's SVG element.
     *
     * @param id         the element's id
     * @param label      its accessible name
     * @param categories the x axis, in order
     * @param series     the bars of each category, each with one value per category
     * @param stacked    true to stack a category's bars, false to put them side by side
     */
    static String bars(String id, String label, List<String> categories, List<Series> series, boolean stacked) {
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
        long max = 1;
        for (int c = 0; c < categories.size(); c++) {
            long sum = 0;
            for (Series s : series) {
                long v = s.values().get(c);
                max = Math.max(max, v);
                sum += v;
            }
            if (stacked) {
                max = Math.max(max, sum);
            }
        }
        long top = niceCeiling(max);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(escape(id))
                .append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\">");
        svg.append("<title>").append(escape(label)).append("</title>");
        // The value axis: 0, half and the top, with grid lines.
        for (long tick : List.of(0L, top / 2, top)) {
            double y = TOP + plotHeight - (double) tick / top * plotHeight;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>");
            svg.append("<text class=\"axis\" x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(tick).append("</text>");
        }
        if (categories.isEmpty()) {
            return svg.append("</svg>").toString();
        }
        double slot = (double) plotWidth / categories.size();
        double groupWidth = slot * 0.8;
        int columns = stacked ? 1 : Math.max(1, series.size());
        double barWidth = groupWidth / columns;
        for (int c = 0; c < categories.size(); c++) {
            double x0 = LEFT + c * slot + (slot - groupWidth) / 2;
            double base = TOP + plotHeight;
            for (int s = 0; s < series.size(); s++) {
                long value = series.get(s).values().get(c);
                double h = (double) value / top * plotHeight;
                double x = stacked ? x0 : x0 + s * barWidth;
                double y = base - h;
                svg.append("<rect class=\"bar ").append(series.get(s).colourOf(s)).append("\" x=\"").append(fmt(x))
                        .append("\" y=\"")
                        .append(fmt(y)).append("\" width=\"").append(fmt(Math.max(1, barWidth - 1)))
                        .append("\" height=\"").append(fmt(h)).append("\" data-series=\"")
                        .append(escape(series.get(s).name())).append("\" data-category=\"")
                        .append(escape(categories.get(c))).append("\" data-value=\"").append(value).append("\">")
                        .append("<title>").append(escape(categories.get(c) + " — " + series.get(s).name() + ": "
                                + value)).append("</title></rect>");
                if (stacked) {
                    base = y;
                }
            }
            svg.append("<text class=\"category\" x=\"").append(fmt(x0 + groupWidth / 2)).append("\" y=\"")
                    .append(TOP + plotHeight + 14).append("\" text-anchor=\"middle\">")
                    .append(escape(categories.get(c))).append("</text>");
        }
        // The legend, one swatch per series, under the axis.
        double lx = LEFT;
        for (int s = 0; s < series.size(); s++) {
            svg.append("<rect class=\"swatch ").append(series.get(s).colourOf(s)).append("\" x=\"").append(fmt(lx))
                    .append("\" y=\"")
                    .append(HEIGHT - 22).append("\" width=\"10\" height=\"10\"/>");
            svg.append("<text class=\"legend\" x=\"").append(fmt(lx + 14)).append("\" y=\"").append(HEIGHT - 13)
                    .append("\">").append(escape(series.get(s).name())).append("</text>");
            lx += 24 + series.get(s).name().length() * 6.5;
        }
        return svg.append("</svg>").toString();
    }

    /** The smallest «round» number (1, 2 or 5 times a power of ten) not below the value. */
    static long niceCeiling(long value) {
        long magnitude = 1;
        while (magnitude * 10 <= value) {
            magnitude *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
