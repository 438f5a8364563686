package org.lumbung.federation;

/** A secondary cooperative of migrants' cooperatives; its code is used like a cooperative's ("fkbmi"). */
public record Federation(long id, String code, String name) {
}
