/** The district console: a district auditor's home, every cooperative she audits in one table. */
@NullMarked
package org.lumbung.ui.district;

import org.jspecify.annotations.NullMarked;
