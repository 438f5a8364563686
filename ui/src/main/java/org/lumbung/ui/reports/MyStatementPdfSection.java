package org.lumbung.ui.reports;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.spring.annotation.SpringComponent;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.members.Member;
import org.lumbung.reports.MemberStatements;
import org.lumbung.ui.my.MyPageSection;

import java.time.Clock;

/** Her statement of savings, loans and remittances for the dates she picks, as a PDF in her language, on her own page. */
@SpringComponent
class MyStatementPdfSection implements MyPageSection {

    private final MemberStatements statements;
    private final Clock clock;

    MyStatementPdfSection(MemberStatements statements, Clock clock) {
        this.statements = statements;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public Component section(Cooperative cooperative, Member member) {
        MemberStatementLink link = new MemberStatementLink(statements, cooperative.id(), member.id(), cooperative.today(clock));
        VerticalLayout section = new VerticalLayout(new H3(link.getTranslation("member-statement.heading")), link);
        section.setId("my-statement-pdf-section");
        section.setPadding(false);
        return section;
    }
}
