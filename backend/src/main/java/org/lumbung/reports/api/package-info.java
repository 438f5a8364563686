/** The reports' integration API: statements, the hledger journal, the SHU distribution. */
@NullMarked
package org.lumbung.reports.api;

import org.jspecify.annotations.NullMarked;
