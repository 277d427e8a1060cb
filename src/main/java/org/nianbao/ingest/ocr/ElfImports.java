package org.nianbao.ingest.ocr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The few facts {@link LineImageCompression} needs from a 64-bit little-endian ELF shared library
 * (x86-64 Linux): where the library keeps the address of a function it imports (its PLT slot in
 * {@code .got.plt}, as a JUMP_SLOT relocation), the address of a function it defines, and whether the
 * slot is writable after loading (not bound eagerly, not inside the read-only-after-relocation range).
 * Bounded reads of a file on disk; anything unexpected gives {@code -1}/false, never an exception
 * beyond {@link IOException}.
 */
final class ElfImports {
    private static final int SHT_RELA = 4;
    private static final int SHT_DYNSYM = 11;
    private static final int SHT_DYNAMIC = 6;
    private static final int PT_GNU_RELRO = 0x6474e552;
    private static final long R_X86_64_JUMP_SLOT = 7;
    private static final long DT_FLAGS = 30;
    private static final long DT_FLAGS_1 = 0x6ffffffbL;
    private static final long DF_BIND_NOW = 0x8;
    private static final long DF_1_NOW = 0x1;
    /** Libraries larger than this are not read (a guard against reading something that is not a library). */
    private static final long MAX_FILE = 256L << 20;

    private final ByteBuffer elf;
    private final long relroStart;
    private final long relroEnd;
    private final boolean bindNow;

    private ElfImports(ByteBuffer elf) {
        this.elf = elf;
        long[] relro = relro();
        this.relroStart = relro[0];
        this.relroEnd = relro[1];
        this.bindNow = bindNow();
    }

    /** Reads the library at {@code file}; null when it is not a 64-bit little-endian x86-64 ELF file. */
    static ElfImports read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 64 || size > MAX_FILE) return null;
            // read, not mapped: a mapping of the file would show in /proc/self/maps beside the loaded library
            ByteBuffer b = ByteBuffer.allocate((int) size);
            while (b.hasRemaining() && ch.read(b) >= 0) { }
            b.flip();
            b.order(ByteOrder.LITTLE_ENDIAN);
            // magic, ELFCLASS64, ELFDATA2LSB, e_machine EM_X86_64 (62)
            if (b.getInt(0) != 0x464c457f || b.get(4) != 2 || b.get(5) != 1 || b.getShort(18) != 62) return null;
            return new ElfImports(b);
        }
    }

    /** The library's own address (relative to its load base) of the slot holding imported function {@code name}; -1 when none. */
    long importSlot(String name) {
        int[] dynsym = section(SHT_DYNSYM);
        if (dynsym == null) return -1;
        long symOff = u64(shdr(dynsym[0]) + 24);
        long symSize = u64(shdr(dynsym[0]) + 32);
        long strOff = u64(shdr(elf.getInt(shdr(dynsym[0]) + 40)) + 24);
        int shnum = elf.getShort(60) & 0xFFFF;
        for (int s = 0; s < shnum; s++) {
            int h = shdr(s);
            if (elf.getInt(h + 4) != SHT_RELA || elf.getInt(h + 40) != dynsym[0]) continue;
            long off = u64(h + 24);
            long size = u64(h + 32);
            if (off < 0 || size < 0 || off + size > elf.capacity()) continue;
            for (long r = off; r + 24 <= off + size; r += 24) {
                long info = u64(r + 8);
                if ((info & 0xFFFFFFFFL) != R_X86_64_JUMP_SLOT) continue;
                long sym = info >>> 32;
                if ((sym + 1) * 24 > symSize) continue;
                if (name.equals(string(strOff + (elf.getInt((int) (symOff + sym * 24)) & 0xFFFFFFFFL)))) return u64(r);
            }
        }
        return -1;
    }

    /** The address (relative to the load base) of function {@code name} defined by the library; -1 when not defined. */
    long definedFunction(String name) {
        int[] dynsym = section(SHT_DYNSYM);
        if (dynsym == null) return -1;
        long symOff = u64(shdr(dynsym[0]) + 24);
        long symSize = u64(shdr(dynsym[0]) + 32);
        long strOff = u64(shdr(elf.getInt(shdr(dynsym[0]) + 40)) + 24);
        for (long s = symOff; s + 24 <= symOff + symSize && s + 24 <= elf.capacity(); s += 24) {
            int shndx = elf.getShort((int) s + 6) & 0xFFFF;
            if (shndx == 0) continue; // undefined here: an import
            if (name.equals(string(strOff + (elf.getInt((int) s) & 0xFFFFFFFFL)))) return u64(s + 8);
        }
        return -1;
    }

    /**
     * Whether a slot at {@code slot} may be written once the library is loaded: the library binds lazily
     * (with eager binding the loader may make the whole table read-only) and the slot lies outside the
     * range the loader makes read-only after relocation.
     */
    boolean writableSlot(long slot) {
        return slot > 0 && !bindNow && (slot + 8 <= relroStart || slot >= relroEnd);
    }

    private long[] relro() {
        long phoff = u64(32);
        int phentsize = elf.getShort(54) & 0xFFFF;
        int phnum = elf.getShort(56) & 0xFFFF;
        for (int i = 0; i < phnum; i++) {
            int p = (int) (phoff + (long) i * phentsize);
            if (p + 56 > elf.capacity()) break;
            if (elf.getInt(p) == PT_GNU_RELRO) {
                long vaddr = u64(p + 16);
                long memsz = u64(p + 40);
                // the loader rounds the range down to whole pages at its end
                return new long[] {vaddr, (vaddr + memsz) & ~0xFFFL};
            }
        }
        return new long[] {0, 0};
    }

    private boolean bindNow() {
        int[] dyn = section(SHT_DYNAMIC);
        if (dyn == null) return true; // cannot tell: take the safe answer
        long off = u64(shdr(dyn[0]) + 24);
        long size = u64(shdr(dyn[0]) + 32);
        for (long d = off; d + 16 <= off + size && d + 16 <= elf.capacity(); d += 16) {
            long tag = u64(d);
            long val = u64(d + 8);
            if (tag == 0) break;
            if (tag == DT_FLAGS && (val & DF_BIND_NOW) != 0 || tag == DT_FLAGS_1 && (val & DF_1_NOW) != 0 || tag == 24 /* DT_BIND_NOW */) return true;
        }
        return false;
    }

    /** The first section of {@code type}, as {index}; null when none. */
    private int[] section(int type) {
        int shnum = elf.getShort(60) & 0xFFFF;
        for (int s = 0; s < shnum; s++) {
            if (elf.getInt(shdr(s) + 4) == type) return new int[] {s};
        }
        return null;
    }

    private int shdr(int index) {
        long shoff = u64(40);
        int shentsize = elf.getShort(58) & 0xFFFF;
        long at = shoff + (long) index * shentsize;
        if (at < 0 || at + 64 > elf.capacity()) throw new IndexOutOfBoundsException("section header outside the file");
        return (int) at;
    }

    private long u64(long at) {
        if (at < 0 || at + 8 > elf.capacity()) throw new IndexOutOfBoundsException("read outside the file");
        return elf.getLong((int) at);
    }

    private String string(long at) {
        if (at < 0 || at >= elf.capacity()) return "";
        int end = (int) at;
        int limit = (int) Math.min(elf.capacity(), at + 256);
        while (end < limit && elf.get(end) != 0) end++;
        byte[] b = new byte[end - (int) at];
        elf.get((int) at, b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
