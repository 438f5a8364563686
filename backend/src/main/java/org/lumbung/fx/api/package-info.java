/** The exchange rates API: record rates, look one up by value date. */
@NullMarked
package org.lumbung.fx.api;

import org.jspecify.annotations.NullMarked;
