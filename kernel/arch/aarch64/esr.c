// SPDX-License-Identifier: BSD-2-Clause
// ESR_EL1 decoding for the fault report's "decoded:" line. Only the fields a reader needs
// are interpreted: the class, WnR/CM/S1PTW of data aborts and the fault status code.
// Pure functions over the 64-bit value (host-tested in tests/unit/test_esr.c).
#include "arch/aarch64/esr.h"

#include "util.h"

/*
 * ESR_EL1 for an instruction/data abort (Arm ARM D17.2.37, ISS of EC 0x20/0x21/0x24/0x25):
 *
 *   31    26 25 24        ...        10  9   8    7    6   5      0
 *  +--------+--+----------------------+----+----+------+---+--------+
 *  |   EC   |IL|        ...           |FnV | CM |S1PTW|WnR|  xFSC  |
 *  +--------+--+----------------------+----+----+------+---+--------+
 *
 *   xFSC 0b0000ll address size fault, level ll    0b010000 synchronous external abort
 *        0b0001ll translation fault, level ll     0b0101ll external abort on walk, level ll
 *        0b0010ll access flag fault, level ll     0b100001 alignment fault
 *        0b0011ll permission fault, level ll      0b110000 TLB conflict
 */
#define ESR_WNR BIT(6)
#define ESR_S1PTW BIT(7)
#define ESR_CM BIT(8)

struct esr_info esr_decode(word_t esr)
{
    struct esr_info info = {.kind = ESR_FAULT_NONE, .level = -1};

    info.ec = esr_ec(esr);
    info.is_abort = info.ec == ESR_EC_IABT_LOWER || info.ec == ESR_EC_IABT_SAME ||
                    info.ec == ESR_EC_DABT_LOWER || info.ec == ESR_EC_DABT_SAME;
    if (!info.is_abort) {
        return info;
    }
    info.is_instruction = info.ec == ESR_EC_IABT_LOWER || info.ec == ESR_EC_IABT_SAME;
    info.is_cache_maint = !info.is_instruction && (esr & ESR_CM);
    // WnR reads as "write" for cache maintenance too; only a real store is a write.
    info.is_write = !info.is_instruction && !info.is_cache_maint && (esr & ESR_WNR);
    info.on_table_walk = esr & ESR_S1PTW;
    info.fsc = (unsigned)bits_get(esr, 0, 6);

    // xFSC 0b gggg ll: groups 0..3 and 5 name a kind and a level; the rest are whole codes.
    static const enum esr_fault_kind leveled[] = {
        ESR_FAULT_ADDRESS_SIZE, ESR_FAULT_TRANSLATION, ESR_FAULT_ACCESS_FLAG,
        ESR_FAULT_PERMISSION,   ESR_FAULT_NONE,        ESR_FAULT_EXTERNAL,
    };
    unsigned group = info.fsc >> 2;
    if (group < ARRAY_SIZE(leveled) && leveled[group] != ESR_FAULT_NONE) {
        info.kind = leveled[group];
        info.level = (int)(info.fsc & 0x3u);
    } else if (info.fsc == 0x10) {
        info.kind = ESR_FAULT_EXTERNAL;
    } else if (info.fsc == 0x21) {
        info.kind = ESR_FAULT_ALIGNMENT;
    } else {
        info.kind = ESR_FAULT_OTHER;
    }
    return info;
}

// A bounded string builder: counts everything, stores what fits, keeps buf NUL-terminated.
struct text {
    char *buf;
    size_t len;
    size_t pos;
};

static void put_str(struct text *t, const char *s)
{
    for (; *s != '\0'; s++) {
        if (t->pos + 1 < t->len) {
            t->buf[t->pos] = *s;
        }
        t->pos++;
    }
    if (t->len > 0) {
        t->buf[t->pos < t->len ? t->pos : t->len - 1] = '\0';
    }
}

static void put_hex(struct text *t, word_t v)
{
    char digits[19] = "0x";
    char tmp[16];
    unsigned n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[v & 0xf];
        v >>= 4;
    } while (v != 0);
    unsigned i = 2;
    while (n > 0) {
        digits[i++] = tmp[--n];
    }
    digits[i] = '\0';
    put_str(t, digits);
}

static void put_level(struct text *t, int level)
{
    char s[2] = {(char)('0' + level), '\0'};
    put_str(t, " at level ");
    put_str(t, s);
}

static const char *ec_name(unsigned ec)
{
    switch (ec) {
    case ESR_EC_UNKNOWN:
        return "unknown reason (undefined instruction)";
    case 0x01:
        return "WFI or WFE";
    case ESR_EC_FP_ACCESS:
        return "FP/SIMD access";
    case 0x0e:
        return "illegal execution state";
    case ESR_EC_SVC64:
        return "SVC from AArch64";
    case 0x18:
        return "system register or instruction";
    case ESR_EC_PC_ALIGN:
        return "PC alignment";
    case ESR_EC_SP_ALIGN:
        return "SP alignment";
    case 0x2c:
        return "floating-point exception";
    case 0x30:
    case 0x31:
        return "breakpoint";
    case 0x32:
    case 0x33:
        return "software step";
    case 0x34:
    case 0x35:
        return "watchpoint";
    case ESR_EC_BRK64:
        return "BRK instruction";
    default:
        return "other";
    }
}

// What a translation fault at `level` means for a user VSpace (the VSpace is level 0).
static const char *translation_hint(int level)
{
    switch (level) {
    case 0:
        return "no level-1 page table mapped";
    case 1:
        return "no level-2 page table or 1 GiB page mapped";
    case 2:
        return "no level-3 page table or 2 MiB page mapped";
    default:
        return "no page mapped";
    }
}

static const char *permission_hint(const struct esr_info *i)
{
    if (i->is_instruction) {
        return "the mapping is execute-never";
    }
    if (i->is_write) {
        return "the mapping does not allow writes";
    }
    return "the mapping does not allow user reads";
}

int esr_describe(word_t esr, char *buf, size_t len)
{
    struct text t = {.buf = buf, .len = len, .pos = 0};
    struct esr_info i = esr_decode(esr);

    put_str(&t, "");
    if (!i.is_abort) {
        put_str(&t, "not a memory abort (exception class ");
        put_hex(&t, i.ec);
        put_str(&t, ": ");
        put_str(&t, ec_name(i.ec));
        put_str(&t, ")");
        return (int)t.pos;
    }

    put_str(&t, i.is_instruction   ? "instruction fetch"
                : i.is_cache_maint ? "data cache maintenance"
                : i.is_write       ? "data write"
                                   : "data read");
    put_str(&t, ", ");
    switch (i.kind) {
    case ESR_FAULT_TRANSLATION:
        put_str(&t, "translation fault");
        put_level(&t, i.level);
        put_str(&t, " (");
        put_str(&t, translation_hint(i.level));
        put_str(&t, ")");
        break;
    case ESR_FAULT_PERMISSION:
        put_str(&t, "permission fault");
        put_level(&t, i.level);
        put_str(&t, " (");
        put_str(&t, permission_hint(&i));
        put_str(&t, ")");
        break;
    case ESR_FAULT_ACCESS_FLAG:
        put_str(&t, "access flag fault");
        put_level(&t, i.level);
        break;
    case ESR_FAULT_ADDRESS_SIZE:
        put_str(&t, "address size fault");
        put_level(&t, i.level);
        put_str(&t, " (address outside the translated range)");
        break;
    case ESR_FAULT_ALIGNMENT:
        put_str(&t, "alignment fault");
        break;
    case ESR_FAULT_EXTERNAL:
        put_str(&t, "synchronous external abort");
        if (i.level >= 0) {
            put_str(&t, " during the table walk");
            put_level(&t, i.level);
        }
        break;
    default:
        put_str(&t, "fault status ");
        put_hex(&t, i.fsc);
        break;
    }
    if (i.on_table_walk) {
        put_str(&t, " [stage-2, on the stage-1 walk]");
    }
    return (int)t.pos;
}
