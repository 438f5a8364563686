package org.lumbung.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A feature's part of a member's statement (savings here; loans and remittances in their own features, which depend
 * on reports and not the other way). Called for the member herself or for staff of her cooperative: a source reads
 * through its feature's member-safe services, which answer not-found for another member's records. Sources are
 * ordered by {@link org.springframework.core.annotation.Order}.
 */
public interface MemberStatementSource {

    /** At most this many lines per section; the rest is left out with a note. */
    int MAX_LINES = 2_000;

    List<MemberStatement.Section> sections(long cooperativeId, long memberId, LocalDate from, LocalDate to, Locale locale);
}
