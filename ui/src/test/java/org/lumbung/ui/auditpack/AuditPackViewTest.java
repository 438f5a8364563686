package org.lumbung.ui.auditpack;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.Test;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.ui.KaribuTest;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The audit pack screen in Indonesian: the download is offered for a valid period only, and says why not. */
class AuditPackViewTest extends KaribuTest {

    @Test
    void theAuditorDownloadsAPackOfAValidPeriodOnly() {
        signIn("auditor", Messages.INDONESIAN);
        UI.getCurrent().navigate(AuditPackView.class);
        Anchor download = _get(Anchor.class, spec -> spec.withId("audit-pack-download"));
        assertThat(download.getText()).contains("Unduh paket audit");
        assertThat(download.isEnabled()).isTrue();
        assertThat(download.getHref()).isNotBlank();

        DatePicker from = _get(DatePicker.class, spec -> spec.withId("audit-pack-from"));
        DatePicker to = _get(DatePicker.class, spec -> spec.withId("audit-pack-to"));
        to.setValue(from.getValue().minusDays(1));
        assertThat(download.isEnabled()).isFalse();
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).contains("periode");
    }
}
