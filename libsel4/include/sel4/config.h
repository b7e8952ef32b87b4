// SPDX-License-Identifier: BSD-2-Clause
// The fixed configuration Cairn implements, as the CONFIG_* macros upstream's
// generated autoconf.h would define, so root-task code that tests them still works.
// Each is guarded: a build (the kernel's) may predefine its own value.
#pragma once

#ifndef CONFIG_ARCH_ARM
#define CONFIG_ARCH_ARM 1
#endif
#ifndef CONFIG_ARCH_AARCH64
#define CONFIG_ARCH_AARCH64 1
#endif
#ifndef CONFIG_SEL4_ARCH
#define CONFIG_SEL4_ARCH aarch64
#endif
#ifndef CONFIG_WORD_SIZE
#define CONFIG_WORD_SIZE 64
#endif
#ifndef CONFIG_ARM_CORTEX_A53
#define CONFIG_ARM_CORTEX_A53 1
#endif
#ifndef CONFIG_HAVE_FPU
#define CONFIG_HAVE_FPU 1
#endif
#ifndef CONFIG_DEBUG_BUILD
#define CONFIG_DEBUG_BUILD 1
#endif
#ifndef CONFIG_PRINTING
#define CONFIG_PRINTING 1
#endif
#ifndef CONFIG_MAX_NUM_NODES
#define CONFIG_MAX_NUM_NODES 1
#endif
#ifndef CONFIG_NUM_PRIORITIES
#define CONFIG_NUM_PRIORITIES 256
#endif
#ifndef CONFIG_NUM_DOMAINS
#define CONFIG_NUM_DOMAINS 1
#endif
#ifndef CONFIG_RETYPE_FAN_OUT_LIMIT
#define CONFIG_RETYPE_FAN_OUT_LIMIT 256
#endif
#ifndef CONFIG_ROOT_CNODE_SIZE_BITS
#define CONFIG_ROOT_CNODE_SIZE_BITS 12
#endif
#ifndef CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS
#define CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS 230
#endif
#ifndef CONFIG_LIB_SEL4_USE_THREAD_LOCALS
#define CONFIG_LIB_SEL4_USE_THREAD_LOCALS 1
#endif
// CONFIG_KERNEL_MCS is not set here: the build defines it (-DCONFIG_KERNEL_MCS=1, make MCS=1)
// for the kernel and every user-space object of that configuration alike, so the two
// configurations never mix in one image (docs/design/abi.md, "The two configurations").
// Deliberately absent (unsupported): CONFIG_ENABLE_SMP_SUPPORT,
// CONFIG_HARDWARE_DEBUG_API, CONFIG_ARM_HYPERVISOR_SUPPORT, CONFIG_ARM_SMMU,
// CONFIG_ALLOW_SMC_CALLS, CONFIG_ENABLE_BENCHMARKS, CONFIG_SET_TLS_BASE_SELF.
