package org.lumbung.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.ledger.ChainVerifier;
import org.lumbung.ledger.LedgerQueries;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What a test of a backup and its restore works with: the backups, the books to compare before and after (the
 * cooperatives, their trial balance and chain), and a folder of its own for the ZIP files. Each test says which
 * installation it starts from (the sample, or an empty one).
 */
abstract class BackupTestBase {

    @Autowired
    BackupService backups;
    @Autowired
    CooperativeService cooperatives;
    @Autowired
    LedgerQueries ledger;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    @TempDir
    Path folder;
}
