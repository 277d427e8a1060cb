package org.nianbao.ingest.normalize;

import java.util.List;
import org.nianbao.ingest.model.Edits;
import org.nianbao.ingest.model.Warning;

/**
 * The text normaliser: every per-text step, in the fixed order documented in docs/normalization.md.
 * <ol>
 *   <li>{@link MojibakeRepairer}: wrong-charset repair, HTML entities, garbage flags (on raw text,
 *       because every later step would blur the byte patterns it relies on);</li>
 *   <li>{@link CharacterForms}: invisible characters, radicals, compatibility ideographs, full-width
 *       letters and digits, exotic spaces;</li>
 *   <li>{@link PinyinAnnotations}: reading aids after characters, removed when the document has
 *       several (before script conversion, because the annotations split the phrases the converter
 *       matches: {@code 報(bào)告});</li>
 *   <li>{@link ScriptConverter}: traditional → simplified, only when the document (or the block on its
 *       own) is traditional; otherwise only the known variants;</li>
 *   <li>{@link PunctuationPolicy}: full-width Chinese punctuation, ASCII numbers;</li>
 *   <li>{@link CjkSpacing}: layout spaces removed (after punctuation, so {@code (一) 予以公开} becomes
 *       {@code （一）予以公开}).</li>
 * </ol>
 * Document-level steps that need blocks and pages (site chrome, page furniture, paragraph joining)
 * live in {@link NormalizeStage}.
 *
 * <p>Decisions that must be taken for a whole document (is it garbled? is it traditional? are there
 * enough pinyin annotations?) are made by {@link #diagnoseEncoding} and {@link #plan} over all its
 * texts; {@link #normalize(String)} takes them for a lone string.
 *
 * <p>Build once (it loads OpenCC4j's and pinyin4j's tables), share freely: thread-safe.
 */
public final class TextNormalizer {
    private final MojibakeRepairer mojibake = new MojibakeRepairer();
    private final ScriptConverter script = new ScriptConverter();
    private final PinyinAnnotations pinyin = new PinyinAnnotations(script::simplifyChar);

    public TextNormalizer() {
        // warm-up: class tables (GBK pairs, character scores) and the hot loops, before the first document
        normalize("鏀垮簻淇℃伅 ÕþÎñ 報(bào)告 &#25919; 2023 年 (一) 结果 维持");
    }

    /** What was decided for a whole document after repair and character forms. */
    public record Plan(boolean traditional, boolean stripPinyin, ScriptConverter.Profile profile, int pinyinHits) {
        public static final Plan SIMPLIFIED = new Plan(false, false, ScriptConverter.Profile.EMPTY, 0);
    }

    /** A normalised string with what was done to it. */
    public record Result(String text, Edits edits, List<Warning> warnings) { }

    public ScriptConverter scriptConverter() {
        return script;
    }

    /** Step 1 decision, over the raw texts of one document. */
    public MojibakeRepairer.Diagnosis diagnoseEncoding(Iterable<String> rawTexts) {
        return mojibake.diagnose(rawTexts);
    }

    /** Steps 1–2 on one raw text. */
    public String repairAndClean(String raw, MojibakeRepairer.Diagnosis diagnosis, EditLog log) {
        if (raw == null || raw.isEmpty()) return raw;
        String s = mojibake.repair(raw, diagnosis, log);
        return CharacterForms.apply(s, log);
    }

    /** Steps 3–4 decisions, over the texts of one document after {@link #repairAndClean}. */
    public Plan plan(Iterable<String> cleanedTexts) {
        ScriptConverter.Profile profile = ScriptConverter.Profile.EMPTY;
        int hits = 0;
        for (String t : cleanedTexts) {
            if (t == null || t.isEmpty()) continue;
            profile = profile.plus(script.profile(t));
            hits += pinyin.count(t);
        }
        return new Plan(profile.isTraditional(), hits >= PinyinAnnotations.MIN_HITS, profile, hits);
    }

    /** Steps 3–6 on one text, under the document's plan. */
    public String finish(String cleaned, Plan plan, EditLog log) {
        if (cleaned == null || cleaned.isEmpty()) return cleaned;
        String s = cleaned;
        if (plan.stripPinyin()) {
            long before = log.count("pinyin-groups-removed");
            s = pinyin.strip(s, log);
            if (log.count("pinyin-groups-removed") > before) {
                log.note("pinyin-removed", "the document had " + plan.pinyinHits()
                        + " pinyin reading annotations after characters (e.g. 根據(jù)); they were removed");
            }
        }
        // a document without traditional-only characters has no traditional block either: skip the per-text profile
        boolean convert = plan.traditional() || plan.profile().traditional() > 0 && script.profile(s).isClearlyTraditional();
        if (convert) {
            long before = log.count("traditional-to-simplified");
            s = script.convert(s, log);
            if (log.count("traditional-to-simplified") > before) {
                log.note("script-converted", plan.traditional()
                        ? "traditional Chinese (" + plan.profile().traditional() + " traditional-only vs "
                          + plan.profile().simplified() + " simplified-only characters) converted to simplified"
                        : "a traditional passage in a simplified document was converted to simplified");
            }
        } else if (plan.profile().variants() > 0) {
            s = script.fixVariants(s, log);
        }
        s = PunctuationPolicy.apply(s, log);
        return CjkSpacing.apply(s, log);
    }

    /** All steps on a lone string, deciding everything from the string itself. */
    public Result normalize(String text) {
        EditLog log = new EditLog();
        String s = normalize(text, log);
        return new Result(s, log.toEdits(), log.warnings());
    }

    /** All steps on a lone string, counting into {@code log}. */
    public String normalize(String text, EditLog log) {
        if (text == null || text.isEmpty()) return text == null ? "" : text;
        MojibakeRepairer.Diagnosis d = mojibake.diagnose(List.of(text));
        String cleaned = repairAndClean(text, d, log);
        return finish(cleaned, plan(List.of(cleaned)), log);
    }
}
