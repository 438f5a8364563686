package org.lumbung.ui.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart drawn by Apache ECharts from its webjar (no frontend bundle build): set an ECharts option, drawn as SVG once
 * the script has loaded, redrawn when the option changes or the chart is attached again. {@link #lines} makes the
 * usual option of a few named series over a category axis (months, days).
 */
public class EChart extends Div {

    public static final String SCRIPT = "context://webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String option = "{}";

    public EChart(String id, String height) {
        setId(id);
        setWidthFull();
        setHeight(height);
        // a chart keeps its height in a full-height layout whose content is taller than the screen: shrunk like the
        // other children it was drawn a few dozen pixels high, its lines on top of its legend (portfolio screen)
        getStyle().set("min-width", "0").set("flex-shrink", "0");
    }

    /** The option as ECharts reads it (maps, lists, strings, numbers). */
    public void setOption(Map<String, Object> value) {
        try {
            option = JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chart option that is not JSON", e);
        }
        draw();
    }

    /** What the chart was last given, as JSON (what a test reads). */
    public String option() {
        return option;
    }

    /**
     * Lines (or bars) over categories: each series a name and one value per category (null: no point); amounts as
     * decimal strings, never floating point on the way.
     */
    public static Map<String, Object> lines(List<String> categories, Map<String, List<BigDecimal>> series, String type,
                                            String unit) {
        List<Map<String, Object>> drawn = series.entrySet().stream().map(e -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", e.getKey());
            s.put("type", type);
            s.put("showSymbol", categories.size() < 40);
            s.put("data", e.getValue().stream().map(v -> v == null ? "-" : v.toPlainString()).toList());
            return s;
        }).toList();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.copyOf(series.keySet()), "type", "scroll"));
        option.put("grid", Map.of("left", "3%", "right", "3%", "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", categories));
        option.put("yAxis", Map.of("type", "value", "axisLabel", Map.of("formatter", "{value}" + unit)));
        option.put("series", drawn);
        return option;
    }

    // The chart follows its box: ECharts measures the box once when it starts, and a box laid out after that (the
    // first draw happens while the view attaches) would otherwise keep a chart a hundred pixels wide.
    // Numbers are written in the reader's locale ($1): ECharts itself writes every number the English way
    // ("1,500,000.5"), which an Indonesian reads as one and a half thousand. A formatter is a function, which JSON
    // cannot carry, so a value axis's "{value}unit" template is turned into one here, and so is the tooltip's.
    private static final String DRAW = """
            const el = this;
            const draw = () => {
              if (!window.echarts) { setTimeout(draw, 100); return; }
              const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, {renderer: 'svg'});
              const option = JSON.parse($0);
              const number = new Intl.NumberFormat($1, {maximumFractionDigits: 2});
              const written = v => typeof v === 'number' || (typeof v === 'string' && v !== '' && !isNaN(v)) ? number.format(Number(v)) : v;
              [].concat(option.yAxis || [], option.xAxis || []).filter(a => a.type === 'value').forEach(a => {
                const template = (a.axisLabel && a.axisLabel.formatter) || '{value}';
                if (typeof template === 'string') {
                  a.axisLabel = Object.assign({}, a.axisLabel, {formatter: v => template.replace('{value}', written(v))});
                }
              });
              if (option.tooltip && !option.tooltip.valueFormatter) {
                option.tooltip.valueFormatter = written;
              }
              chart.setOption(option, true);
              if (!el.$resizeObserver) {
                el.$resizeObserver = new ResizeObserver(() => chart.resize());
                el.$resizeObserver.observe(el);
              }
            };
            draw();""";

    private void draw() {
        getElement().executeJs(DRAW, option, getLocale().toLanguageTag());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addJavaScript(SCRIPT);
        draw();
    }
}
