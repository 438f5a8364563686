/**
 * The loan portfolio's JSON API under {@code /api/v1/cooperatives/{code}}: the snapshot of a closed business date,
 * and the portfolio's quality and its monthly trend, whole or by loan product or loan officer.
 */
@NullMarked
package org.lumbung.loans.closing.api;

import org.jspecify.annotations.NullMarked;
