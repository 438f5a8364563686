package org.lumbung.ui.sales;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import org.jspecify.annotations.Nullable;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.sales.SalesAbility;
import org.lumbung.sales.ShopCatalogue;
import org.lumbung.sales.ShopProduct;
import org.lumbung.ui.CurrentCooperative;
import org.lumbung.ui.MenuGroup;
import org.lumbung.ui.UiAudit;
import org.lumbung.ui.i18n.Formats;
import org.lumbung.ui.security.RequiresAbility;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The shop's catalogue of goods: codes, names, prices, stock; the office creates and edits them. */
@Route("shop/products")
@RequiresAbility("READ_SHOP")
@Menu(title = "nav.shop.products", order = 640, icon = "vaadin:package")
@MenuGroup("nav.group.shop")
public class ShopProductsView extends VerticalLayout implements HasDynamicTitle {

    private final ShopCatalogue catalogue;
    private final Cooperative cooperative;
    private final UiAudit audit;
    private final Grid<ShopProduct> grid = new Grid<>();

    public ShopProductsView(CurrentCooperative current, ShopCatalogue catalogue, UiAudit audit) {
        this.catalogue = catalogue;
        this.cooperative = current.require();
        this.audit = audit;
        boolean manage = current.may(SalesAbility.MANAGE_SHOP);
        setSizeFull();
        grid.setId("shop-products-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ShopProduct::code).setHeader(getTranslation("shop.ui.code")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(p -> p.barcode() == null ? "" : p.barcode()).setHeader(getTranslation("shop.ui.barcode")).setAutoWidth(true);
        grid.addColumn(p -> p.name(getLocale())).setHeader(getTranslation("shop.ui.name")).setFlexGrow(2);
        grid.addColumn(ShopProduct::category).setHeader(getTranslation("shop.ui.category")).setAutoWidth(true);
        grid.addColumn(ShopProduct::unit).setHeader(getTranslation("shop.ui.unit")).setAutoWidth(true);
        grid.addColumn(p -> money(p.salePrice())).setHeader(getTranslation("shop.ui.sale-price")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> money(p.memberPrice())).setHeader(getTranslation("shop.ui.member-price")).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> ShopTexts.quantity(p.stockQuantity(), getLocale())).setHeader(getTranslation("shop.ui.in-stock")).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.active() ? "shop.ui.active" : "shop.ui.inactive")).setHeader(getTranslation("shop.ui.status"))
                .setAutoWidth(true);
        HorizontalLayout head = new HorizontalLayout(new H2(getTranslation("nav.shop.products")));
        head.setAlignItems(Alignment.CENTER);
        if (manage) {
            grid.addComponentColumn(p -> {
                Button edit = new Button(getTranslation("shop.ui.edit"), e -> open(p));
                edit.setId("edit-" + p.code());
                edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return edit;
            }).setAutoWidth(true).setFlexGrow(0);
            Button create = new Button(getTranslation("shop.ui.product.new"), VaadinIcon.PLUS.create(), e -> open(null));
            create.setId("new-shop-product");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            head.add(create);
        }
        add(head, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void open(@Nullable ShopProduct p) {
        new ShopProductDialog(catalogue, audit, cooperative, p, this::refresh).open();
    }

    private void refresh() {
        grid.setItems(catalogue.products(cooperative.id(), false));
    }

    private String money(BigDecimal amount) {
        return Formats.money(amount.setScale(2, RoundingMode.HALF_EVEN), cooperative.baseCurrency(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shop.products") + " — Lumbung";
    }
}
