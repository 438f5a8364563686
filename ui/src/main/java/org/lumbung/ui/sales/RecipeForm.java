package org.lumbung.ui.sales;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.lumbung.cooperative.Cooperative;
import org.lumbung.platform.DomainException;
import org.lumbung.sales.NewProduction;
import org.lumbung.sales.ProductionService;
import org.lumbung.sales.ShopProduct;
import org.lumbung.sales.ShopRecipe;
import org.lumbung.ui.components.Notifications;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A product's recipe: what one batch yields and each input with its quantity. Choosing the product shows the recipe
 * it has; saving replaces it as a whole.
 */
class RecipeForm extends VerticalLayout {

    private final ProductionService production;
    private final Cooperative cooperative;
    private final Consumer<ShopRecipe> saved;
    private final ComboBox<ShopProduct> output = new ComboBox<>();
    private final TextField batch = ShopTexts.quantityField(null);
    private final ComboBox<ShopProduct> input = new ComboBox<>();
    private final TextField inputQuantity = ShopTexts.quantityField(null);
    private final List<NewProduction.Input> lines = new ArrayList<>();
    private final Grid<NewProduction.Input> grid = new Grid<>();
    private final List<ShopProduct> products;

    RecipeForm(ProductionService production, Cooperative cooperative, List<ShopProduct> products, Consumer<ShopRecipe> saved) {
        this.production = production;
        this.cooperative = cooperative;
        this.products = products;
        this.saved = saved;
        setPadding(false);
        output.setId("recipe-product");
        output.setLabel(getTranslation("shop.ui.recipe.product"));
        output.setItems(products);
        output.setItemLabelGenerator(this::label);
        output.addValueChangeListener(e -> load());
        batch.setId("recipe-output");
        batch.setLabel(getTranslation("shop.ui.recipe.batch"));
        input.setId("recipe-input");
        input.setLabel(getTranslation("shop.ui.production.input"));
        input.setItems(products);
        input.setItemLabelGenerator(this::label);
        inputQuantity.setId("recipe-input-quantity");
        inputQuantity.setLabel(getTranslation("shop.ui.quantity"));
        Button add = new Button(getTranslation("shop.ui.add-line"), e -> addInput());
        add.setId("recipe-add");
        grid.setId("recipe-lines");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(i -> products.stream().filter(p -> p.id() == i.productId()).findFirst().map(this::label).orElse(""))
                .setHeader(getTranslation("shop.ui.production.input")).setFlexGrow(2);
        grid.addColumn(i -> ShopTexts.quantity(i.quantity(), getLocale())).setHeader(getTranslation("shop.ui.quantity")).setTextAlign(ColumnTextAlign.END);
        Button save = new Button(getTranslation("shop.ui.recipe.save"), e -> save());
        save.setId("recipe-save");
        HorizontalLayout head = new HorizontalLayout(output, batch);
        HorizontalLayout line = new HorizontalLayout(input, inputQuantity, add);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(head, line, grid, save);
    }

    private String label(ShopProduct p) {
        return p.code() + " — " + p.name(getLocale());
    }

    /** The chosen product's recipe, to change; empty when it has none. */
    private void load() {
        lines.clear();
        batch.clear();
        if (output.getValue() != null) {
            production.recipe(cooperative.id(), output.getValue().id()).ifPresent(r -> {
                batch.setValue(ShopTexts.quantity(r.outputQuantity(), getLocale()));
                r.inputs().forEach(i -> lines.add(new NewProduction.Input(i.productId(), i.quantity())));
            });
        }
        grid.setItems(lines);
    }

    private void addInput() {
        BigDecimal q = ShopTexts.parseQuantity(inputQuantity.getValue(), getLocale());
        inputQuantity.setInvalid(q == null || q.signum() <= 0);
        input.setInvalid(input.getValue() == null);
        if (q == null || q.signum() <= 0 || input.getValue() == null) {
            return;
        }
        lines.removeIf(l -> l.productId() == input.getValue().id());
        lines.add(new NewProduction.Input(input.getValue().id(), q));
        grid.setItems(lines);
        input.clear();
        inputQuantity.clear();
    }

    private void save() {
        BigDecimal q = ShopTexts.parseQuantity(batch.getValue(), getLocale());
        batch.setInvalid(q == null || q.signum() <= 0);
        output.setInvalid(output.getValue() == null);
        if (q == null || q.signum() <= 0 || output.getValue() == null) {
            return;
        }
        try {
            ShopRecipe r = production.setRecipe(cooperative.id(), output.getValue().id(), q, List.copyOf(lines));
            Notifications.success(getTranslation("shop.ui.recipe.saved", output.getValue().code()));
            saved.accept(r);
        } catch (DomainException ex) {
            Notifications.refused(ex);
        }
    }
}
