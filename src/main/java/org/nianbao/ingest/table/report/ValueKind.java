package org.nianbao.ingest.table.report;

/** What a numeric cell of a standard table may hold (identity I7). */
public enum ValueKind {
    /** A non-negative whole number of items. */
    COUNT,
    /** A whole number that may be negative: the 2019 {@code 本年增/减} columns. */
    SIGNED,
    /** A non-negative decimal: the 2021 {@code 本年收费金额（单位：万元）}. */
    DECIMAL,
    /** A non-negative amount of money, units often written in the cell: the 2019 {@code 采购总金额}. */
    MONEY
}
