/** The integration API of the ledger under /api/v1 (JSON, API tokens or HTTP Basic). */
@NullMarked
package org.lumbung.ledger.api;

import org.jspecify.annotations.NullMarked;
