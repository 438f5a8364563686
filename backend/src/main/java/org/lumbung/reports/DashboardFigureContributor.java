package org.lumbung.reports;

import org.lumbung.cooperative.Cooperative;

import java.time.LocalDate;
import java.util.List;

/**
 * A feature's cards on the dashboard. Every bean of this type is asked, so a feature that lands later (loans:
 * outstanding and in arrears; remittances: arrived today) adds its cards with one class in its own package —
 * the dashboard is not edited. Called as the signed-in reader: a contributor reads through its feature's
 * services, which check what the reader may see.
 */
public interface DashboardFigureContributor {

    List<DashboardFigure> figures(Cooperative cooperative, LocalDate today);
}
