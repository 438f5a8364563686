package org.lumbung.ui.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

import java.util.Map;

/**
 * A chart drawn by Apache ECharts from its webjar (no frontend bundle build): the script is loaded when the chart is
 * attached, and {@link #draw} hands it an ECharts option (plain maps and lists, sent as JSON). The drawing waits for
 * the script if it is still loading, and a second draw replaces the first.
 */
public class EChart extends Div {

    static final String SCRIPT = "context://webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String option = "{}";

    public EChart(String height) {
        setWidthFull();
        setHeight(height);
    }

    public void draw(Map<String, Object> chartOption) {
        try {
            option = JSON.writeValueAsString(chartOption);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        getElement().executeJs("const el = this; const draw = () => { if (!window.echarts) { setTimeout(draw, 100); return; }"
                + " (echarts.getInstanceByDom(el) || echarts.init(el, null, {renderer: 'svg'})).setOption(JSON.parse($0), true); };"
                + " draw();", option);
    }

    /** The option last drawn, as JSON (what a test can read back). */
    public String option() {
        return option;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addJavaScript(SCRIPT);
    }
}
