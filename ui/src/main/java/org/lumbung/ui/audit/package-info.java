/** The audit log screen. */
@NullMarked
package org.lumbung.ui.audit;

import org.jspecify.annotations.NullMarked;
