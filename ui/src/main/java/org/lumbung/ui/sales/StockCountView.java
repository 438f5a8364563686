package org.lumbung.ui.sales;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.StockLevel;
import org.lumbung.sales.StockLocation;
import org.lumbung.sales.StockService;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.components.Keys;
import org.lumbung.ui.components.Notifications;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The stock count of the shop or the warehouse: what the books hold beside a field for what was counted; saving posts
 * each difference as an adjustment at the average cost. Products left empty are not counted.
 */
@Route("shop/count")
@RequiresAbility("MANAGE_SHOP")
@Menu(title = "nav.shop.count", order = 660, icon = "vaadin:clipboard-check")
@MenuGroup("nav.group.shop")
public class StockCountView extends VerticalLayout implements HasDynamicTitle {

    private final StockService stock;
    private final UiAudit audit;
    private final Cooperative cooperative;
    private final RadioButtonGroup<StockLocation.Kind> location = ShopTexts.locationChoice("shop.ui.location", StockLocation.Kind.SHOP);
    private final Grid<StockLevel> grid = new Grid<>();
    private final Map<Long, TextField> counted = new HashMap<>();
    private String key = Keys.newKey();

    public StockCountView(CurrentCooperative current, StockService stock, UiAudit audit) {
        this.stock = stock;
        this.audit = audit;
        this.cooperative = current.require();
        setSizeFull();
        location.setId("shop-count-location");
        location.addValueChangeListener(e -> refresh());
        Button save = new Button(getTranslation("shop.ui.count.save"), e -> save());
        save.setId("shop-count-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout head = new HorizontalLayout(location, save);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        configure();
        add(new H2(getTranslation("nav.shop.count")), head, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void configure() {
        grid.setId("shop-count-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(l -> l.product().code()).setHeader(getTranslation("shop.ui.code")).setAutoWidth(true);
        grid.addColumn(l -> l.product().name(getLocale())).setHeader(getTranslation("shop.ui.name")).setFlexGrow(2);
        grid.addColumn(l -> ShopTexts.quantity(held(l), getLocale()) + " " + l.product().unit()).setHeader(getTranslation("shop.ui.count.books"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addComponentColumn(l -> counted.computeIfAbsent(l.product().id(), id -> {
            TextField f = ShopTexts.quantityField(null);
            f.setId("count-" + l.product().code());
            f.setWidth("8em");
            f.setAriaLabel(getTranslation("shop.ui.count.counted") + " " + l.product().name(getLocale()));
            return f;
        })).setHeader(getTranslation("shop.ui.count.counted")).setAutoWidth(true);
    }

    private BigDecimal held(StockLevel l) {
        return l.byLocation().getOrDefault(location.getValue().name(), BigDecimal.ZERO);
    }

    private void save() {
        Map<Long, BigDecimal> quantities = new HashMap<>();
        for (Map.Entry<Long, TextField> e : counted.entrySet()) {
            String text = e.getValue().getValue();
            if (text.isBlank()) {
                continue;
            }
            BigDecimal q = text.strip().matches("0+([.,]0*)?") ? BigDecimal.ZERO : ShopTexts.parseQuantity(text, getLocale());
            e.getValue().setInvalid(q == null);
            if (q == null) {
                return;
            }
            quantities.put(e.getKey(), q);
        }
        if (quantities.isEmpty()) {
            return;
        }
        try {
            int adjusted = stock.count(cooperative.id(), location.getValue(), quantities, null, key);
            audit.done(cooperative.id(), "SHOP_STOCK_COUNT", location.getValue().name() + " " + adjusted);
            Notifications.success(getTranslation("shop.ui.count.done", adjusted));
            key = Keys.newKey();
            refresh();
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }

    private void refresh() {
        counted.clear();
        grid.setItems(stock.levels(cooperative.id()).stream().filter(l -> l.product().active()).toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shop.count") + " — Lumbung";
    }
}
