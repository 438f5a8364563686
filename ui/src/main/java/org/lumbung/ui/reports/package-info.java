/** Screens of the reports: financial statements, the hledger export, the year-end close and SHU distribution. */
@NullMarked
package org.lumbung.ui.reports;

import org.jspecify.annotations.NullMarked;
