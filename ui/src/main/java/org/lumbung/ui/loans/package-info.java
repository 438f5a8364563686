/** Screens of loans: products, applications, the loan page and its workouts, close of business, portfolio, settings. */
@NullMarked
package org.lumbung.ui.loans;

import org.jspecify.annotations.NullMarked;
