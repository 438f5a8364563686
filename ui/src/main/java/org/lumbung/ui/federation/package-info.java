/** The administrator's screen of the federations and their member cooperatives. */
@NullMarked
package org.lumbung.ui.federation;

import org.jspecify.annotations.NullMarked;
