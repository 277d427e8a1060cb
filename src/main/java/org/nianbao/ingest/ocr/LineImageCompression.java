package org.nianbao.ingest.ocr;

import com.sun.jna.Callback;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the PNG that Tesseract writes for every text line uncompressed, in this process.
 *
 * <p>Tesseract 5.3 hands each text line to its LSTM as an {@code ImageData}, which stores the line
 * image PNG-encoded ({@code ImageData::SetPixInternal} → Leptonica {@code pixWriteMem}) and decodes it
 * again a moment later to scale it. At zlib's default level with libpng's adaptive row filters that
 * round trip is 10–20% of a page's CPU (perf on the {@code tesseract} command line: 13.5% in
 * {@code pixWriteMemPng}, 3% in {@code png_read_png}); the C API has no switch for it. PNG is lossless
 * whatever the level, so the LSTM sees the same pixels and the text is byte-identical: the only thing
 * changed is how hard zlib works on a buffer that lives for a few milliseconds.
 *
 * <p>How: Leptonica sets the level by calling libpng's {@code png_set_compression_level} through its
 * PLT slot. That slot (in Leptonica's {@code .got.plt}, found from its ELF relocations) is pointed at
 * {@link #SET_LEVEL}, which asks libpng for level 0 (stored) and no row filter. Done only when every
 * check holds — x86-64 ELF, lazily bound Leptonica whose slot is writable, Leptonica's load address
 * confirmed by one of its own functions, libpng's functions found — and only in the OCR worker process
 * ({@link OcrWorkerMain}), where the only PNG written is Tesseract's line image.
 * {@code -Dnianbao.ocr.fastLineImages=false} turns it off (the worker inherits the setting).
 */
final class LineImageCompression {
    static final String PROPERTY = "nianbao.ocr.fastLineImages";
    /** libpng's {@code PNG_FILTER_NONE}. */
    private static final int PNG_FILTER_NONE = 0x08;

    private static final Pattern MAPS_LINE = Pattern.compile("^([0-9a-f]+)-[0-9a-f]+ [r-][w-][x-]p ([0-9a-f]+) \\S+ \\d+\\s+(/.+)$");

    /** libpng's own functions, called by {@link #SET_LEVEL}. */
    private static Function pngSetLevel;
    private static Function pngSetFilter;
    private static Pointer slot;
    private static long original;

    /** Leptonica's call to {@code png_set_compression_level(png_ptr, level)}, redirected here. */
    interface SetLevel extends Callback {
        void invoke(Pointer png, int level);
    }

    /** Strongly held for the life of the process: native code keeps its address. */
    private static final SetLevel SET_LEVEL = (png, level) -> {
        pngSetLevel.invokeVoid(new Object[] {png, 0});
        pngSetFilter.invokeVoid(new Object[] {png, 0, PNG_FILTER_NONE});
    };

    private LineImageCompression() { }

    /** Whether the switch is on ({@link #PROPERTY}, default on). */
    static boolean enabled() {
        return !"false".equals(System.getProperty(PROPERTY));
    }

    /**
     * Redirects Leptonica's PNG compression level in this process, once; Leptonica must already be
     * loaded (a {@link TesseractEngine} was opened). Returns why not when it was not done, null when done.
     */
    static synchronized String install() {
        if (slot != null) return null;
        if (!enabled()) return "turned off (-D" + PROPERTY + "=false)";
        try {
            List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
            Mapped lept = find(maps, "liblept\\.so[.0-9]*|libleptonica\\.so[.0-9]*");
            Mapped png = find(maps, "libpng16\\.so[.0-9]*");
            if (lept == null || png == null) return "Leptonica or libpng is not loaded";
            ElfImports elf = ElfImports.read(lept.file);
            if (elf == null) return "Leptonica is not an x86-64 ELF library";
            long at = elf.importSlot("png_set_compression_level");
            if (!elf.writableSlot(at)) return "Leptonica's PLT slot for png_set_compression_level is not writable";
            long known = elf.definedFunction("pixWriteMemPng");
            NativeLibrary leptLib = NativeLibrary.getInstance(lept.file.toString());
            if (known < 0 || Pointer.nativeValue(leptLib.getFunction("pixWriteMemPng")) != lept.base + known) {
                return "Leptonica's load address could not be confirmed";
            }
            NativeLibrary pngLib = NativeLibrary.getInstance(png.file.toString());
            pngSetLevel = pngLib.getFunction("png_set_compression_level");
            pngSetFilter = pngLib.getFunction("png_set_filter");
            Pointer p = new Pointer(lept.base + at);
            long before = p.getLong(0);
            Pointer target = com.sun.jna.CallbackReference.getFunctionPointer(SET_LEVEL);
            p.setPointer(0, target);
            original = before;
            slot = p;
            return null;
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            return "not possible here: " + e;
        }
    }

    /** Puts Leptonica's slot back as it was (for tests that compare both ways). */
    static synchronized void uninstall() {
        if (slot == null) return;
        slot.setLong(0, original);
        slot = null;
    }

    static synchronized boolean installed() {
        return slot != null;
    }

    record Mapped(Path file, long base) { }

    /**
     * The first library in {@code /proc/self/maps} whose file name matches, with the address of its private
     * offset-0 mapping (a shared mapping of the same file is someone reading it, not the loaded library).
     */
    static Mapped find(List<String> maps, String fileName) {
        Pattern name = Pattern.compile("(^|.*/)(" + fileName + ")$");
        for (String line : maps) {
            Matcher m = MAPS_LINE.matcher(line);
            if (!m.matches() || Long.parseLong(m.group(2), 16) != 0) continue;
            String file = m.group(3).strip();
            if (name.matcher(file).matches()) return new Mapped(Path.of(file), Long.parseUnsignedLong(m.group(1), 16));
        }
        return null;
    }
}
