package ru.journalarchive.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The server-side SVG bar chart: well-formed, one bar per series and category with its value, heights in scale. */
class ItSvgChartTest {

    @Test
    void sideBySideBarsCarryTheirValuesAndHeightsAreProportional() throws Exception {
        String svg = ItSvgChart.bars("c", "Проверки <и> «копии»", List.of("01.12", "02.12"),
                List.of(new ItSvgChart.Series("site-a: цело", List.of(10L, 4L)),
                        new ItSvgChart.Series("site-a: повреждено", List.of(0L, 1L))), false);

        List<Element> bars = bars(parse(svg));
        assertThat(bars).hasSize(4);
        assertThat(bars).extracting(b -> b.getAttribute("data-value")).containsExactly("10", "0", "4", "1");
        assertThat(bars).extracting(b -> b.getAttribute("data-category")).containsExactly("01.12", "01.12", "02.12",
                "02.12");
        assertThat(bars.get(2).getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("02.12 — site-a: цело: 4");
        double ten = Double.parseDouble(bars.get(0).getAttribute("height"));
        double four = Double.parseDouble(bars.get(2).getAttribute("height"));
        assertThat(four / ten).isCloseTo(0.4, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(bars.get(1).getAttribute("height"))).isZero();
        // Side by side: the two bars of a category do not overlap.
        assertThat(Double.parseDouble(bars.get(1).getAttribute("x")))
                .isGreaterThanOrEqualTo(Double.parseDouble(bars.get(0).getAttribute("x"))
                        + Double.parseDouble(bars.get(0).getAttribute("width")));
        assertThat(svg).contains("Проверки &lt;и&gt; «копии»").doesNotContain("style=");
    }

    @Test
    void stackedBarsSitOnEachOther() throws Exception {
        String svg = ItSvgChart.bars("s", "Сроки", List.of("2030"),
                List.of(new ItSvgChart.Series("class-journal", List.of(6L)),
                        new ItSvgChart.Series("summary-statement", List.of(4L))), true);

        List<Element> bars = bars(parse(svg));
        double y0 = Double.parseDouble(bars.get(0).getAttribute("y"));
        double y1 = Double.parseDouble(bars.get(1).getAttribute("y"));
        double h1 = Double.parseDouble(bars.get(1).getAttribute("height"));
        assertThat(y1 + h1).isCloseTo(y0, org.assertj.core.data.Offset.offset(0.11));
        assertThat(bars.get(0).getAttribute("x")).isEqualTo(bars.get(1).getAttribute("x"));
    }

    @Test
    void theScaleIsRoundAndMismatchedSeriesAreRefused() {
        assertThat(ItSvgChart.niceCeiling(1)).isEqualTo(1);
        assertThat(ItSvgChart.niceCeiling(7)).isEqualTo(10);
        assertThat(ItSvgChart.niceCeiling(13)).isEqualTo(20);
        assertThat(ItSvgChart.niceCeiling(420)).isEqualTo(500);
        assertThatThrownBy(() -> ItSvgChart.bars("x", "x", List.of("a", "b"),
                List.of(new ItSvgChart.Series("s", List.of(1L))), false)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> bars(Document document) {
        NodeList rects = document.getElementsByTagName("rect");
        java.util.ArrayList<Element> bars = new java.util.ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element e = (Element) rects.item(i);
            if (e.getAttribute("class").startsWith("bar ")) {
                bars.add(e);
            }
        }
        return bars;
    }
}
