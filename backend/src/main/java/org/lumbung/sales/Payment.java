package org.lumbung.sales;

/** How a sale is paid: cash at the counter, on the member's shop credit, or from her voluntary savings. */
public enum Payment { CASH, CREDIT, SAVINGS }
