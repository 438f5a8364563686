/** The savings API for integrations: a member's accounts with balances, deposits and withdrawals, transactions. */
@NullMarked
package org.lumbung.savings.api;

import org.jspecify.annotations.NullMarked;
