package org.nianbao.ingest.eval.layout;

/** The kind of number a value cell holds (report-format.md §6, I7). */
public enum ValueKind {
    /** A non-negative integer count. */
    COUNT,
    /** A signed integer (2019 {@code 本年增/减}). */
    SIGNED,
    /** A non-negative decimal amount in 万元 (2021 {@code 本年收费金额（单位：万元）}). */
    AMOUNT,
    /** Money written with or without its unit (2019 {@code 采购总金额}, e.g. {@code 251000元}). */
    MONEY
}
