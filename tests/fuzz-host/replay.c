// SPDX-License-Identifier: BSD-2-Clause
// Replays fuzz-host inputs without libFuzzer (make test, with gcc's ASan and UBSan): each
// file named on the command line is run through the same LLVMFuzzerTestOneInput. A crash
// aborts the process, so the caller runs one file per process.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    static uint8_t data[1 << 20];
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (f == NULL) {
            perror(argv[i]);
            return 2;
        }
        size_t n = fread(data, 1, sizeof data, f);
        fclose(f);
        LLVMFuzzerTestOneInput(data, n);
        printf("replayed %s (%zu bytes)\n", argv[i], n);
    }
    return 0;
}
