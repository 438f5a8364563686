package org.lumbung.sampledata;

import org.springframework.core.Ordered;

/**
 * One feature's part of the sample cooperative, a Spring bean: the {@link SampleDataLoader} runs every
 * contributor in {@link #getOrder()} order (the cooperative 100, savings products 150, members 200, their
 * savings 300, the general journal 400; loans, remittances … add theirs after), all in one transaction, then books the dated events
 * they put on the {@link SampleData#on timeline} in date order. A new feature adds its sample as a bean.
 */
public interface SampleDataContributor extends Ordered {

    void contribute(SampleData sample);
}
