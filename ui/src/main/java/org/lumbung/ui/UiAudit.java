package org.lumbung.ui;

import com.vaadin.flow.spring.annotation.SpringComponent;
import org.lumbung.audit.AuditLog;

/** Commands given on the screens, into the audit log with the person who gave them. */
@SpringComponent
public class UiAudit {

    private final AuditLog audit;

    public UiAudit(AuditLog audit) {
        this.audit = audit;
    }

    public void done(long cooperativeId, String action, String summary) {
        audit.record(cooperativeId, action, AuditLog.Outcome.OK, summary);
    }

    public void refused(long cooperativeId, String action, String summary) {
        audit.record(cooperativeId, action, AuditLog.Outcome.REFUSED, summary);
    }
}
