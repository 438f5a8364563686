package org.lumbung.ui;

import com.vaadin.flow.spring.annotation.SpringComponent;
import org.lumbung.audit.AuditLog;
import org.lumbung.security.AccessPolicy;
import org.lumbung.security.UserAccount;

/** Commands given on the screens, into the audit log with the person who gave them. */
@SpringComponent
public class UiAudit {

    private final AuditLog audit;
    private final AccessPolicy access;

    public UiAudit(AuditLog audit, AccessPolicy access) {
        this.audit = audit;
        this.access = access;
    }

    public void done(long cooperativeId, String action, String summary) {
        audit.record(actor(), cooperativeId, action, AuditLog.Outcome.OK, summary);
    }

    public void refused(long cooperativeId, String action, String summary) {
        audit.record(actor(), cooperativeId, action, AuditLog.Outcome.REFUSED, summary);
    }

    private String actor() {
        return access.currentUser().map(UserAccount::username).orElse(null);
    }
}
