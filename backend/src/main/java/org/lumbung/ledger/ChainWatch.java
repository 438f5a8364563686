package org.lumbung.ledger;

import org.lumbung.cooperative.Cooperative;
import org.lumbung.cooperative.CooperativeService;
import org.lumbung.security.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Verifies every cooperative's chain in full now and then (by default two minutes after start, then every
 * six hours), so a rewrite of old history shows on the dashboard even when no auditor runs a verification:
 * the dashboard reads the recorded result and checks only the entries posted since ({@link ChainVerifier#status}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "lumbung.chain-check.enabled", havingValue = "true", matchIfMissing = true)
public class ChainWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ChainWatch.class);

    private final CooperativeService cooperatives;
    private final ChainVerifier verifier;

    public ChainWatch(CooperativeService cooperatives, ChainVerifier verifier) {
        this.cooperatives = cooperatives;
        this.verifier = verifier;
    }

    @Scheduled(initialDelayString = "${lumbung.chain-check.initial-delay:PT2M}",
            fixedDelayString = "${lumbung.chain-check.interval:PT6H}")
    public void verifyAll() {
        SystemActor.run(() -> {
            for (Cooperative c : cooperatives.list()) {
                try {
                    ChainVerification v = verifier.verify(c.id());
                    if (!v.ok()) {
                        LOG.error("hash chain of cooperative {} is broken at entry {}: {}", c.code(),
                                v.firstBrokenSequence(), v.problemKey());
                    }
                } catch (RuntimeException e) {
                    // one cooperative's failure must not stop the check of the others
                    LOG.error("hash chain of cooperative {} could not be verified", c.code(), e);
                }
            }
            return null;
        });
    }
}
