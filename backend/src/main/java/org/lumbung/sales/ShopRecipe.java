package org.lumbung.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What one batch of a product made by the cooperative consumes and yields (a bill of materials), e.g. 20 kg of
 * cassava and 2 l of cooking oil make 40 packs of keripik singkong.
 */
public record ShopRecipe(long productId, BigDecimal outputQuantity, List<Input> inputs) {

    public record Input(long productId, String code, ShopName name, String unit, BigDecimal quantity) {
    }

    public ShopRecipe {
        inputs = List.copyOf(inputs);
    }

    /** The inputs for {@code quantity} of output: each in proportion, rounded to the grams a scale shows. */
    public List<NewProduction.Input> scaledTo(BigDecimal quantity) {
        return inputs.stream().map(i -> new NewProduction.Input(i.productId(),
                i.quantity().multiply(quantity).divide(outputQuantity, Quantities.SCALE, RoundingMode.HALF_UP))).toList();
    }
}
