package org.lumbung.ui.members;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.members.MemberFilter;
import org.lumbung.members.MemberService;
import org.lumbung.savings.ImportReport;
import org.lumbung.savings.MemberImport;
import org.lumbung.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static org.assertj.core.api.Assertions.assertThat;

class ImportViewTest extends KaribuTest {

    @Autowired
    CooperativeService cooperatives;
    @Autowired
    MemberService members;

    @Test
    @SuppressWarnings("unchecked")
    void theDryRunListsTheBadRowAndImportsNothing() {
        signIn("treasurer");
        long coop = cooperatives.byCode("ngrupit").id();
        int before = members.count(coop, MemberFilter.ALL);
        UI.getCurrent().navigate(ImportView.class);
        String csv = String.join(";", MemberImport.COLUMNS) + "\n"
                + "Import Benar;F;;;Ngrupit;;;2025-01-05;100000;0;0;;;;\n"
                + "Import Salah;X;;;Ngrupit;;;2025-01-05;100000;0;0;;;;\n";
        _upload(_get(Upload.class, spec -> spec.withId("import-upload")), "members.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        _click(_get(Button.class, spec -> spec.withId("import-check")));

        Grid<ImportReport.RowError> errors = _get(Grid.class, spec -> spec.withId("import-errors"));
        assertThat(_size(errors)).isEqualTo(1);
        assertThat(_get(errors, 0).row()).isEqualTo(2);
        assertThat(_get(errors, 0).column()).isEqualTo("gender");
        assertThat(_get(Button.class, spec -> spec.withId("import-run")).isEnabled()).isFalse();
        assertThat(members.count(coop, MemberFilter.ALL)).isEqualTo(before);
    }

    @Test
    void theTemplateDownloads() {
        signIn("treasurer");
        UI.getCurrent().navigate(ImportView.class);
        byte[] csv = com.github.mvysny.kaributesting.v10.DownloadKt.download(_get(Anchor.class, spec -> spec.withId("import-template")));
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo(MemberImport.TEMPLATE_CSV);
    }
}
