package org.nianbao.ingest.batch;

import java.util.List;
import org.nianbao.ingest.model.Status;

/**
 * What a batch keeps of one finished document (never the document itself: memory stays bounded).
 *
 * @param input    the input
 * @param output   output base name relative to the output folder (add .txt/.json)
 * @param kind     sniffed kind, lower-case
 * @param status   done / partial / failed with reason
 * @param pages    pages read
 * @param millis   wall time
 * @param warnings number of warnings
 * @param written  the files written, relative to the output folder
 * @param reused   true when a resumed batch found this document already finished and skipped it
 */
public record DocumentResult(Input input, String output, String kind, Status status, int pages, long millis,
                             int warnings, List<String> written, boolean reused) { }
