package org.nianbao.ingest.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks {@link LineImageCompression} makes before it touches anything (no native code is called here). */
class LineImageCompressionTest {
    private static final Path LEPT = Path.of("/usr/lib/x86_64-linux-gnu/liblept.so.5");

    @Test
    void findsTheLoadedLibraryByItsPrivateOffsetZeroMapping() {
        List<String> maps = List.of(
                "7f0000000000-7f0000100000 r--s 00000000 fe:00 11 /usr/lib/x86_64-linux-gnu/liblept.so.5.0.4",
                "7f1000033000-7f1000217000 r-xp 00033000 fe:00 11 /usr/lib/x86_64-linux-gnu/liblept.so.5.0.4",
                "7f2000000000-7f2000033000 r--p 00000000 fe:00 12 /usr/lib/x86_64-linux-gnu/libleptonica-extra.so",
                "7f3000000000-7f3000033000 r--p 00000000 fe:00 11 /usr/lib/x86_64-linux-gnu/liblept.so.5.0.4",
                "7f4000000000-7f4000033000 r--p 00000000 fe:00 13 /usr/lib/x86_64-linux-gnu/libpng16.so.16.39.0");
        LineImageCompression.Mapped lept = LineImageCompression.find(maps, "liblept\\.so[.0-9]*|libleptonica\\.so[.0-9]*");
        assertNotNull(lept);
        assertEquals(0x7f3000000000L, lept.base(), "the shared (file-reading) mapping and the offset-0x33000 one are skipped");
        assertEquals(Path.of("/usr/lib/x86_64-linux-gnu/liblept.so.5.0.4"), lept.file());
        assertEquals(0x7f4000000000L, LineImageCompression.find(maps, "libpng16\\.so[.0-9]*").base());
        assertNull(LineImageCompression.find(maps, "libz\\.so[.0-9]*"));
    }

    @Test
    void leptonicasPngLevelSlotIsFoundAndWritable() throws Exception {
        assumeTrue(Files.isRegularFile(LEPT), "Debian's liblept5 is not installed");
        ElfImports elf = ElfImports.read(LEPT.toRealPath());
        assertNotNull(elf);
        long slot = elf.importSlot("png_set_compression_level");
        assertTrue(slot > 0, "Leptonica imports png_set_compression_level through a PLT slot");
        assertTrue(elf.writableSlot(slot), "Debian's Leptonica binds lazily: the slot stays writable");
        assertTrue(elf.importSlot("png_write_row") > 0);
        assertTrue(elf.importSlot("png_write_row") != slot);
        assertEquals(-1, elf.importSlot("no_such_function"));
        assertTrue(elf.definedFunction("pixWriteMemPng") > 0, "Leptonica defines pixWriteMemPng");
        assertEquals(-1, elf.definedFunction("png_set_compression_level"), "an import is not a definition");
    }

    @Test
    void aFileThatIsNotAnElfLibraryIsRefused(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("liblept.so.5");
        Files.writeString(text, "not a library, just text long enough to hold an ELF header and then some more bytes");
        assertNull(ElfImports.read(text));
        Path empty = dir.resolve("empty.so");
        Files.write(empty, new byte[0]);
        assertNull(ElfImports.read(empty));
    }

    @Test
    void aSlotInsideTheReadOnlyRangeOrOfAnEagerlyBoundLibraryIsNotWritable() throws Exception {
        assumeTrue(Files.isRegularFile(LEPT), "Debian's liblept5 is not installed");
        ElfImports elf = ElfImports.read(LEPT.toRealPath());
        assertFalse(elf.writableSlot(-1));
        assertFalse(elf.writableSlot(0));
        Path tess = Path.of("/usr/lib/x86_64-linux-gnu/libtesseract.so.5");
        assumeTrue(Files.isRegularFile(tess));
        ElfImports t = ElfImports.read(tess.toRealPath());
        long s = t.importSlot("pixWriteMem");
        assertTrue(s > 0);
        assertFalse(t.writableSlot(s), "Debian builds libtesseract with BIND_NOW: its table is read-only after loading");
    }
}
