/** The audit trail: who did what, and who tried, written by every feature. */
@NullMarked
package org.lumbung.audit;

import org.jspecify.annotations.NullMarked;
