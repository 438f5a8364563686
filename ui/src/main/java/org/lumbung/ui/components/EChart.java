package org.lumbung.ui.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

import java.util.Map;

/**
 * A chart drawn in the browser by ECharts, served from its webjar (offline, free; see STACK-FACTS): a box as wide
 * as its parent, the script loaded once per page, and {@link #draw(Map)} with ECharts' option as plain maps and
 * lists. The chart follows its box's size: ECharts measures the box once when it starts, and a box laid out
 * after that (the first draw happens while the view attaches) would otherwise keep a chart a hundred pixels wide.
 */
public class EChart extends Div {

    static final String SCRIPT = "context://webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAW = """
            const el = this;
            const draw = () => {
              if (!window.echarts) { setTimeout(draw, 100); return; }
              const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, {renderer: 'svg'});
              chart.setOption(JSON.parse($0), true);
              if (!el.$resizeObserver) {
                el.$resizeObserver = new ResizeObserver(() => chart.resize());
                el.$resizeObserver.observe(el);
              }
            };
            draw();""";

    public EChart(String id, String height) {
        setId(id);
        setWidthFull();
        setHeight(height);
        getStyle().set("min-width", "0");
    }

    /** Draws the option (ECharts' option object as maps, lists, strings and numbers), replacing what was drawn. */
    public void draw(Map<String, Object> option) {
        try {
            getElement().executeJs(DRAW, JSON.writeValueAsString(option));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a chart option that is not JSON", e);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addJavaScript(SCRIPT);
    }
}
