package org.nianbao.ingest.eval.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates synthetic annual reports, deterministic from a seed: the same (seed, index) always gives
 * the same report, whatever else is generated.
 */
public final class ReportGenerator {
    private static final List<String> PLACES = List.of("梅州市", "北票市", "乳山市", "双塔区", "原州区", "平潭县", "临汾市",
            "滁州市", "丽水市", "曲靖市", "梅县区", "江宁区", "章贡区", "南安市", "宜宾市", "海门区", "玉环市", "永川区",
            "开平市", "兴义市", "邵武市", "安吉县", "德清县", "崇州市");
    private static final List<String> BUREAUS = List.of("医疗保障局", "卫生健康局", "自然资源局", "生态环境局", "市场监督管理局",
            "交通运输局", "人力资源和社会保障局", "住房和城乡建设局", "农业农村局", "教育局", "民政局", "司法局", "财政局",
            "应急管理局", "水利局", "文化广电旅游局", "统计局", "审计局", "商务局", "林业局");
    private static final String[][] OVERVIEW_LEADS = {
            {"主动公开", "主动公开方面", "加强主动公开"},
            {"依申请公开", "依申请公开方面", "规范依申请公开"},
            {"政府信息管理", "政府信息管理方面", "严格保密审查"},
            {"平台建设", "平台建设方面", "拓宽公开渠道"},
            {"监督保障", "监督保障方面", "加强组织领导"}};
    private static final String[] OVERVIEW_CATEGORIES = {"active", "request", "manage", "platform", "supervise"};
    private static final String[] ORDINALS = {"（一）", "（二）", "（三）", "（四）", "（五）", "（六）"};

    private final SentencePool pool;

    public ReportGenerator() {
        this(SentencePool.standard());
    }

    public ReportGenerator(SentencePool pool) {
        this.pool = pool;
    }

    /** The seed of report {@code index} of a set generated with {@code setSeed}. */
    public static long reportSeed(long setSeed, int index) {
        return new Random(setSeed * 1_000_003L + index * 7919L).nextLong();
    }

    /**
     * Report {@code index} of a set. Reports 0 and 1 are in the 2019 and 2021 formats so that even a
     * set of two covers both; later ones pick a format at random.
     */
    public SyntheticReport generate(long setSeed, int index) {
        long seed = reportSeed(setSeed, index);
        Random rnd = new Random(seed);
        int format = index == 0 ? 2019 : index == 1 ? 2021 : (rnd.nextInt(3) == 0 ? 2019 : 2021);
        return generate(seed, String.format("r%04d-%d", index + 1, format), format);
    }

    public SyntheticReport generate(long seed, String id, int format) {
        Random rnd = new Random(seed ^ 0x5DEECE66DL);
        int year = format == 2019 ? 2019 + rnd.nextInt(2) : 2021 + rnd.nextInt(4);
        String place = PLACES.get(rnd.nextInt(PLACES.size()));
        String agency = place + BUREAUS.get(rnd.nextInt(BUREAUS.size()));
        String self = rnd.nextInt(3) == 0 ? "本机关" : "我局";
        String title = agency + year + "年政府信息公开工作年度报告";
        String published = (year + 1) + "年1月" + (5 + rnd.nextInt(22)) + "日";
        Filler fill = new Filler(rnd, agency, self, year, title, place);

        List<Section> sections = new ArrayList<>();
        sections.add(new Section("title", null, List.of(Para.of(title, ParaKind.TITLE)), null));
        String introCategory = format == 2021 ? "intro" : "intro2019";
        if (rnd.nextInt(10) < (format == 2021 ? 7 : 4)) {
            List<Para> intro = new ArrayList<>();
            for (String s : pool.pick(introCategory, 1 + rnd.nextInt(2), rnd)) intro.add(Para.of(fill.apply(s), ParaKind.BODY));
            sections.add(new Section("intro", null, intro, null));
        }
        sections.add(overview(rnd, fill));
        sections.add(new Section("二", Para.of("二、主动公开政府信息情况", ParaKind.HEADING), List.of(), "二"));
        sections.add(new Section("三", Para.of("三、收到和处理政府信息公开申请情况", ParaKind.HEADING), List.of(), "三"));
        sections.add(new Section("四", Para.of("四、政府信息公开行政复议、行政诉讼情况", ParaKind.HEADING), List.of(), "四"));
        sections.add(problems(rnd, fill));
        List<Para> other = new ArrayList<>();
        for (String s : pool.pick(format == 2021 ? "other2021" : "other2019", format == 2021 ? 1 + rnd.nextInt(2) : 1, rnd)) {
            other.add(Para.of(fill.apply(s), ParaKind.BODY));
        }
        sections.add(new Section("六", Para.of("六、其他需要报告的事项", ParaKind.HEADING), other, null));
        sections.add(new Section("closing", null, List.of(Para.of(agency, ParaKind.CLOSING), Para.of(published, ParaKind.CLOSING)), null));

        List<FilledTable> tables = new NumberFiller(new Random(seed ^ 0x9E3779B97F4A7C15L)).fill(format);
        return new SyntheticReport(id, seed, format, year, agency, title, published, sections, tables);
    }

    private Section overview(Random rnd, Filler fill) {
        List<Para> paras = new ArrayList<>();
        StringBuilder opening = new StringBuilder();
        for (String s : pool.pick("opening", 1, rnd)) opening.append(fill.apply(s));
        for (String s : pool.pick("opening2", rnd.nextInt(2), rnd)) opening.append(fill.apply(s));
        paras.add(Para.of(opening.toString(), ParaKind.BODY));
        int leadStyle = rnd.nextInt(3); // 0 inline lead, 1 lead on its own line, 2 inline with 方面
        int count = 3 + rnd.nextInt(3);
        for (int i = 0; i < count; i++) {
            String lead = OVERVIEW_LEADS[i][leadStyle == 2 ? 1 : rnd.nextInt(2) == 0 ? 0 : 2];
            StringBuilder body = new StringBuilder();
            for (String s : pool.pick(OVERVIEW_CATEGORIES[i], 1 + rnd.nextInt(3), rnd)) body.append(fill.apply(s));
            if (leadStyle == 1) {
                paras.add(Para.of(ORDINALS[i] + lead, ParaKind.SUBHEADING));
                paras.add(Para.of(body.toString(), ParaKind.BODY));
            } else {
                String head = ORDINALS[i] + lead + "。";
                paras.add(new Para(head + body, ParaKind.BODY, head.length()));
            }
        }
        return new Section("一", Para.of("一、总体情况", ParaKind.HEADING), paras, null);
    }

    private Section problems(Random rnd, Filler fill) {
        String heading = rnd.nextInt(10) == 0 ? "五、政府信息公开工作存在的主要问题及改进情况" : "五、存在的主要问题及改进情况";
        List<Para> paras = new ArrayList<>();
        boolean separate = rnd.nextBoolean();
        String[][] parts = {{"（一）存在的主要问题", "problem"}, {"（二）改进情况", "improve"}};
        for (String[] part : parts) {
            StringBuilder body = new StringBuilder();
            for (String s : pool.pick(part[1], 1 + rnd.nextInt(2), rnd)) body.append(fill.apply(s));
            if (separate) {
                paras.add(Para.of(part[0], ParaKind.SUBHEADING));
                paras.add(Para.of(body.toString(), ParaKind.BODY));
            } else {
                String head = part[0] + "。";
                paras.add(new Para(head + body, ParaKind.BODY, head.length()));
            }
        }
        return new Section("五", Para.of(heading, ParaKind.HEADING), paras, null);
    }

    /** Replaces the placeholders of pool sentences; every number placeholder draws a fresh number. */
    private static final class Filler {
        private final Random rnd;
        private final String agency;
        private final String self;
        private final int year;
        private final String title;
        private final String place;

        Filler(Random rnd, String agency, String self, int year, String title, String place) {
            this.rnd = rnd;
            this.agency = agency;
            this.self = self;
            this.year = year;
            this.title = title;
            this.place = place;
        }

        String apply(String s) {
            String out = s.replace("{机关}", agency).replace("{我局}", self).replace("{年}", Integer.toString(year))
                    .replace("{标题}", title).replace("{平台}", place + "人民政府门户网站");
            out = replaceEach(out, "{n}", 100, 3000);
            out = replaceEach(out, "{m}", 10, 300);
            out = replaceEach(out, "{k}", 1, 9);
            return out;
        }

        private String replaceEach(String s, String key, int lo, int hi) {
            int i;
            while ((i = s.indexOf(key)) >= 0) s = s.substring(0, i) + (lo + rnd.nextInt(hi - lo + 1)) + s.substring(i + key.length());
            return s;
        }
    }
}
