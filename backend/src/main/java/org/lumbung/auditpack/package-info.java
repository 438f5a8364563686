/**
 * Audit packs an outsider can verify: a cooperative's statements, trial balance, journal and hash chain in one
 * ZIP with a standalone verifier (audit-verifier/lumbung_verify.py) and the specification it follows.
 */
@NullMarked
package org.lumbung.auditpack;

import org.jspecify.annotations.NullMarked;
