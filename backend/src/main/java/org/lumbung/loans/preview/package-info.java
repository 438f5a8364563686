/** The schedule preview of the API: GET /api/v1/loan-schedule-preview, strictly parsed, computed by the engine. */
@NullMarked
package org.lumbung.loans.preview;

import org.jspecify.annotations.NullMarked;
