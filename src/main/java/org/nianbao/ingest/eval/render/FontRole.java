package org.nianbao.ingest.eval.render;

/** The three faces Chinese government documents use, mapped to the free fonts we embed. */
public enum FontRole {
    /** 宋体/仿宋 → AR PL UMing. */
    SONG,
    /** 楷体 → AR PL UKai. */
    KAI,
    /** 黑体 → WenQuanYi Zen Hei. */
    HEI
}
