package org.lumbung.reports;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * The dashboard of one cooperative: the cards of every {@link DashboardFigureContributor} (this package's
 * {@code TreasurerFigures} and {@code BalanceFigures}, and those of features that land later), in their order.
 */
@Service
@PreAuthorize("@access.may('READ_DASHBOARD')")
public class DashboardService {

    private final CooperativeService cooperatives;
    private final List<DashboardFigureContributor> contributors;
    private final Clock clock;

    public DashboardService(CooperativeService cooperatives, List<DashboardFigureContributor> contributors, Clock clock) {
        this.cooperatives = cooperatives;
        this.contributors = List.copyOf(contributors);
        this.clock = clock;
    }

    public List<DashboardFigure> figures(long cooperativeId) {
        Cooperative c = cooperatives.byId(cooperativeId);
        return contributors.stream().flatMap(contributor -> contributor.figures(c, c.today(clock)).stream())
                .sorted(Comparator.comparingInt(DashboardFigure::order)).toList();
    }
}
