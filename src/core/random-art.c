/* gnutls_random_art: OpenSSH's "drunken bishop" picture of a fingerprint,
 * laid out as GnuTLS 3.7.9 draws it (the same frame and title truncation).
 * A bishop starts in the middle of a 17x9 board; each input byte gives four
 * diagonal moves (two bits each, least significant first), clamped at the
 * walls; every visit raises the square one step along " .o+=*BOX@%&#/^",
 * and the start and end squares become 'S' and 'E'. */
#include "gnossl.h"

#include <stdio.h>
#include <string.h>

#define ART_W 17
#define ART_H 9

static const char levels[] = " .o+=*BOX@%&#/^SE";
#define LEVEL_END (sizeof levels - 2)        /* 'E' */
#define LEVEL_START (LEVEL_END - 1)          /* 'S' */
#define LEVEL_MAX (LEVEL_END - 2)            /* '^': a walk's highest mark */

int gnutls_random_art(gnutls_random_art_t type, const char *key_type, unsigned int key_size, void *fpr,
                      size_t fpr_size, gnutls_datum_t *art)
{
    if (type != GNUTLS_RANDOM_ART_OPENSSH || art == NULL || (fpr == NULL && fpr_size > 0))
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    unsigned char board[ART_W][ART_H];
    memset(board, 0, sizeof board);
    int x = ART_W / 2, y = ART_H / 2;
    for (size_t i = 0; i < fpr_size; i++) {
        unsigned bits = ((const unsigned char *)fpr)[i];
        for (int m = 0; m < 4; m++, bits >>= 2) {
            x += (bits & 1) ? 1 : -1;
            y += (bits & 2) ? 1 : -1;
            x = x < 0 ? 0 : x > ART_W - 1 ? ART_W - 1 : x;
            y = y < 0 ? 0 : y > ART_H - 1 ? ART_H - 1 : y;
            if (board[x][y] < LEVEL_MAX)
                board[x][y]++;
        }
    }
    board[ART_W / 2][ART_H / 2] = LEVEL_START;
    board[x][y] = LEVEL_END;

    /* each line is the board's width plus two frame characters and '\n' */
    char *out = gnutls_malloc((ART_W + 3) * (ART_H + 2) + 1), *p = out;
    if (out == NULL)
        return GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
    char size[16] = "";
    if (key_size > 0)
        snprintf(size, sizeof size, " %4u", key_size);
    /* the title keeps at most ART_W - 1 characters, then dashes */
    int n = snprintf(p, ART_W, "+--[%4s%s]", key_type != NULL ? key_type : "(null)", size);
    p += n < ART_W ? n : ART_W - 1;
    while (p < out + ART_W + 1)
        *p++ = '-';
    *p++ = '+';
    *p++ = '\n';
    for (y = 0; y < ART_H; y++) {
        *p++ = '|';
        for (x = 0; x < ART_W; x++)
            *p++ = levels[board[x][y]];
        *p++ = '|';
        *p++ = '\n';
    }
    *p++ = '+';
    memset(p, '-', ART_W);
    p += ART_W;
    *p++ = '+';
    *p = '\0';
    art->data = (unsigned char *)out;
    art->size = (unsigned)(p - out);
    return 0;
}
