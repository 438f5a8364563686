package org.lumbung.ui.reports;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.reports.MemberShare;
import org.lumbung.ui.KaribuTest;

import java.math.BigDecimal;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The SHU screen: the last year's preview in Indonesian, its actions for the chair only. */
class ShuViewTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void theChairSeesLastYearsPreviewAndMayCloseIt() {
        signIn("chair", Messages.INDONESIAN);
        UI.getCurrent().navigate(ShuView.class);
        assertThat(_get(Span.class, spec -> spec.withId("shu-status")).getText()).startsWith("Tahun");
        Grid<MemberShare> shares = _get(Grid.class, spec -> spec.withId("shu-shares"));
        List<MemberShare> rows = shares.getListDataView().getItems().toList();
        assertThat(rows).isNotEmpty().allSatisfy(s -> assertThat(s.total()).isEqualByComparingTo(s.jasaModal().add(s.jasaUsaha())));
        assertThat(rows.stream().map(MemberShare::capitalBase).reduce(BigDecimal.ZERO, BigDecimal::add)).isPositive();
        assertThat(_find(Button.class)).extracting(b -> b.getId().orElse("")).contains("shu-split-save")
                .containsAnyOf("shu-close", "shu-reopen");
    }

    @Test
    void theAuditorOnlyReads() {
        signIn("auditor", Messages.ENGLISH);
        UI.getCurrent().navigate(ShuView.class);
        assertThat(_find(Button.class)).extracting(b -> b.getId().orElse(""))
                .doesNotContain("shu-close", "shu-reopen", "shu-post", "shu-split-save");
    }
}
