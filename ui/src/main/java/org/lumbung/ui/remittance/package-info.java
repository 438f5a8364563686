/** Screens of remittances: the payday form, the list, the dashboard with the corridor reports, the member's own view. */
@NullMarked
package org.lumbung.ui.remittance;

import org.jspecify.annotations.NullMarked;
