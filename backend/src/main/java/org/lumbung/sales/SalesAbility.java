package org.lumbung.sales;

import org.lumbung.security.Ability;
import org.lumbung.security.Role;
import org.lumbung.security.Roles;

import java.util.Set;

/** The shop's rows of the access table. */
public enum SalesAbility implements Ability {
    /** The catalogue, stock levels and valuation, sales, purchases and stock movements. */
    READ_SHOP(Roles.READING, "access.not-allowed"),
    /** A member's own purchases at the shop on her phone (the services check, record by record, that they are hers). */
    READ_OWN_PURCHASES(Roles.of(Role.MEMBER), "access.not-allowed"),
    /** Sell at the counter, take returns, take repayments of shop credit. */
    SELL(Roles.POSTING, "access.read-only"),
    /** Shop products and prices, purchases and their payment, transfers, spoilage and stock counts. */
    MANAGE_SHOP(Roles.POSTING, "access.read-only"),
    /** Members' shop credit limits and the shop's discount limit. */
    SET_SHOP_LIMITS(Roles.DECIDING, "access.not-allowed");

    private final Set<Role> roles;
    private final String refusal;

    SalesAbility(Set<Role> roles, String refusal) {
        this.roles = roles;
        this.refusal = refusal;
    }

    @Override
    public String refusal() {
        return refusal;
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
