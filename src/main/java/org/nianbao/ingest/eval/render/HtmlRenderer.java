package org.nianbao.ingest.eval.render;

import java.util.Random;
import org.nianbao.ingest.eval.gen.FilledTable;
import org.nianbao.ingest.eval.gen.Para;
import org.nianbao.ingest.eval.gen.ParaKind;
import org.nianbao.ingest.eval.gen.Section;
import org.nianbao.ingest.eval.gen.SyntheticReport;
import org.nianbao.ingest.eval.layout.CellRole;
import org.nianbao.ingest.eval.layout.LayoutCell;

/**
 * Writes a report as a saved government web page: site chrome (navigation, breadcrumb, date and
 * hit counter, print/close links, footer), the report in the article body, and the standard tables
 * as real {@code rowspan}/{@code colspan} markup — either plain cells or Word-exported cells
 * ({@code <p class="MsoNormal"><span>…}), chosen by the report's seed — or as images.
 */
public final class HtmlRenderer {
    private HtmlRenderer() { }

    /**
     * @param charsetMeta the charset named in the page ({@code utf-8}, {@code gb2312}); the caller encodes to match
     * @param imageFolder when not null, tables are {@code <img src="imageFolder/tableN.png">} instead of markup
     */
    public static String render(SyntheticReport r, String charsetMeta, String imageFolder) {
        Random rnd = new Random(r.seed() ^ 0x4854_4D4CL);
        boolean word = rnd.nextBoolean();
        String place = r.agency().replaceAll("(市|区|县).*$", "$1");
        StringBuilder h = new StringBuilder();
        if (charsetMeta.equalsIgnoreCase("utf-8")) {
            h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        } else {
            h.append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n");
            h.append("<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n");
            h.append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=").append(charsetMeta).append("\" />\n");
        }
        h.append("<title>").append(esc(r.title())).append("_").append(esc(place)).append("人民政府</title>\n");
        h.append("<meta name=\"keywords\" content=\"政府信息公开,年度报告\" />\n");
        h.append("<style type=\"text/css\">body{font-family:\"宋体\";font-size:14px}.crumb{color:#666}")
                .append(".article h1{font-size:22px;text-align:center}.info{text-align:center;color:#999}")
                .append("table.data{border-collapse:collapse;margin:0 auto}table.data td{border:1px solid #000;padding:2px 4px}</style>\n");
        h.append("<script type=\"text/javascript\">var _hits = 0; function addHits(){ _hits++; }</script>\n");
        h.append("</head>\n<body>\n");
        h.append("<div class=\"top\"><ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li>")
                .append("<li><a href=\"/hdjl/\">互动交流</a></li><li><a href=\"/bsfw/\">办事服务</a></li></ul></div>\n");
        h.append("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政府信息公开</a> &gt; ")
                .append("<a href=\"/zwgk/ndbg/\">政府信息公开年报</a></div>\n");
        h.append("<div class=\"article\">\n");
        String date = r.published().replaceAll("(\\d+)年(\\d+)月(\\d+)日", "$1-$2-$3");
        int imageNo = 0;
        for (Section s : r.sections()) {
            if (s.heading() != null) paragraph(h, s.heading(), word);
            for (Para p : s.paragraphs()) {
                paragraph(h, p, word);
                if (p.kind() == ParaKind.TITLE) {
                    h.append("<div class=\"info\">发布时间：").append(date).append("&nbsp;&nbsp;来源：").append(esc(r.agency()))
                            .append("&nbsp;&nbsp;浏览次数：<span id=\"hits\">").append(50 + rnd.nextInt(900)).append("</span></div>\n");
                    h.append("<div class=\"TRS_Editor\">\n");
                }
            }
            if (s.tableId() != null) {
                FilledTable t = r.table(s.tableId());
                if (imageFolder != null) {
                    imageNo++;
                    h.append("<p style=\"text-align:center\"><img src=\"").append(imageFolder).append("/table").append(imageNo)
                            .append(".png\" border=\"0\" style=\"max-width:100%\" /></p>\n");
                } else {
                    table(h, t, word);
                }
            }
        }
        h.append("</div>\n<div class=\"tools\">【<a href=\"javascript:window.print()\">打印本页</a>】")
                .append("【<a href=\"javascript:window.close()\">关闭窗口</a>】</div>\n</div>\n");
        h.append("<div class=\"footer\">主办：").append(esc(place)).append("人民政府办公室&nbsp;&nbsp;网站标识码：")
                .append(3000000000L + rnd.nextInt(99999999)).append("</div>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void paragraph(StringBuilder h, Para p, boolean word) {
        String text = esc(p.text());
        switch (p.kind()) {
            case TITLE -> h.append("<h1 class=\"title\">").append(text).append("</h1>\n");
            case HEADING -> h.append("<p style=\"text-indent:2em\"><strong>").append(text).append("</strong></p>\n");
            case SUBHEADING -> h.append("<p style=\"text-indent:2em\"><span style=\"font-family:楷体\">").append(text).append("</span></p>\n");
            case CLOSING -> h.append("<p style=\"text-align:right\">").append(text).append("</p>\n");
            default -> {
                String lead = esc(p.text().substring(0, p.leadLength()));
                String rest = esc(p.text().substring(p.leadLength()));
                h.append(word ? "<p class=\"MsoNormal\" style=\"text-indent:32pt\">" : "<p style=\"text-indent:2em\">");
                if (!lead.isEmpty()) h.append("<span style=\"font-family:楷体\">").append(lead).append("</span>");
                h.append(rest).append("</p>\n");
            }
        }
    }

    private static void table(StringBuilder h, FilledTable t, boolean word) {
        if (word) {
            h.append("<table class=\"MsoNormalTable data\" border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"600\" style=\"border-collapse:collapse\">\n<tbody>\n");
        } else {
            h.append("<table class=\"data\" border=\"1\" cellspacing=\"0\" cellpadding=\"0\">\n");
        }
        for (int r = 0; r < t.layout().rows(); r++) {
            h.append("<tr>");
            for (LayoutCell c : t.layout().anchoredIn(r)) {
                h.append("<td");
                if (c.rowSpan() > 1) h.append(" rowspan=\"").append(c.rowSpan()).append('"');
                if (c.colSpan() > 1) h.append(" colspan=\"").append(c.colSpan()).append('"');
                String align = c.role() == CellRole.NOTE || (c.role() == CellRole.LABEL && c.col() > 0) ? "left" : "center";
                String text = esc(t.text(c));
                if (word) {
                    h.append(" valign=\"center\"><p class=\"MsoNormal\" align=\"").append(align)
                            .append("\"><span style=\"font-size:10.5pt;font-family:宋体\">").append(text).append("</span></p></td>");
                } else {
                    h.append(" align=\"").append(align).append("\">").append(text).append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append(word ? "</tbody>\n</table>\n" : "</table>\n");
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
