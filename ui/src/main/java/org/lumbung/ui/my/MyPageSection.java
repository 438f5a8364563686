package org.lumbung.ui.my;

import com.vaadin.flow.component.Component;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;

/**
 * A feature's part of the member's own page (her loans, her remittances, her purchases), as a bean in the
 * feature's own ui package: the page shows every section in order, so a new feature adds its part without
 * editing the page. A section of something she has none of shows nothing.
 */
public interface MyPageSection {

    /** Where the section stands on the page, lower first: after her balances, before her statement. */
    int order();

    /** A new component with the signed-in member's own records of this feature. */
    Component section(Cooperative cooperative, Member member);
}
