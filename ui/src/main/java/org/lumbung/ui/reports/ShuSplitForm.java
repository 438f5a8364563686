package org.lumbung.ui.reports;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import org.lumbung.platform.DomainException;
import org.lumbung.reports.ShuPool;
import org.lumbung.reports.ShuSplit;
import org.lumbung.ui.components.Notifications;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The meeting's split of a year's surplus: a percentage per pool (together 100 %) and how capital bases are read. */
class ShuSplitForm extends FormLayout {

    private final Map<ShuPool, BigDecimalField> fields = new EnumMap<>(ShuPool.class);
    private final Select<ShuSplit.CapitalBase> capitalBase = new Select<>();
    private final Button save = new Button();

    ShuSplitForm(Consumer<ShuSplit> onSave) {
        for (ShuPool pool : ShuPool.values()) {
            BigDecimalField field = new BigDecimalField(getTranslation("shu.pool." + pool.key()));
            field.setSuffixComponent(new Span("%"));
            field.setId("shu-split-" + pool.key());
            fields.put(pool, field);
            add(field);
        }
        capitalBase.setLabel(getTranslation("shu.capital-base"));
        capitalBase.setId("shu-capital-base");
        capitalBase.setItems(ShuSplit.CapitalBase.values());
        capitalBase.setItemLabelGenerator(b -> getTranslation("shu.capital-base." + b.name()));
        save.setText(getTranslation("shu.split.save"));
        save.setId("shu-split-save");
        save.addClickListener(e -> split().ifPresent(onSave));
        add(capitalBase, save);
    }

    void show(ShuSplit split, boolean editable) {
        fields.forEach((pool, field) -> {
            field.setValue(split.percent(pool));
            field.setReadOnly(!editable);
        });
        capitalBase.setValue(split.capitalBase());
        capitalBase.setReadOnly(!editable);
        save.setVisible(editable);
    }

    /** The split as entered, or a message on the form when it does not add up. */
    private Optional<ShuSplit> split() {
        Map<ShuPool, BigDecimal> percents = new EnumMap<>(ShuPool.class);
        fields.forEach((pool, field) -> percents.put(pool, field.getValue() == null ? BigDecimal.ZERO : field.getValue()));
        try {
            return Optional.of(new ShuSplit(percents, capitalBase.getValue()));
        } catch (DomainException e) {
            Notifications.refused(e);
            return Optional.empty();
        }
    }
}
