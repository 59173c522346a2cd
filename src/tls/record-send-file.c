/* gnutls_record_send_file: send `count` bytes of a file descriptor as
 * records (lighttpd's mod_gnutls serves static files with it).  Without
 * kernel TLS this is read + gnutls_record_send, as in GnuTLS, including its
 * use of `offset`: a seek relative to the current position, the file
 * position restored afterwards and *offset advanced by what was sent. */
#include "gnossl.h"

#include <errno.h>
#include <unistd.h>

ssize_t gnutls_record_send_file(gnutls_session_t session, int fd, off_t *offset, size_t count)
{
    size_t buf_len, sent = 0, max;
    off_t saved = 0;
    unsigned char *buf;
    ssize_t ret;

    if (session == NULL)
        return GNOSSL_ERR(GNUTLS_E_INVALID_REQUEST);
    if (offset != NULL) {
        saved = lseek(fd, 0, SEEK_CUR);
        if (saved == (off_t)-1 || lseek(fd, *offset, SEEK_CUR) == (off_t)-1)
            return GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
    }
    max = gnutls_record_get_max_size(session);
    buf_len = count < (max > 512 ? max : 512) ? count : (max > 512 ? max : 512);
    buf = gnutls_malloc(buf_len ? buf_len : 1);
    if (buf == NULL) {
        ret = GNOSSL_ERR(GNUTLS_E_MEMORY_ERROR);
        goto end;
    }
    while (sent < count) {
        ret = read(fd, buf, count - sent < buf_len ? count - sent : buf_len);
        if (ret == 0)
            break;
        if (ret < 0) {
            ret = errno == EAGAIN ? GNUTLS_E_AGAIN : GNOSSL_ERR(GNUTLS_E_FILE_ERROR);
            goto end;
        }
        ret = gnutls_record_send(session, buf, (size_t)ret);
        if (ret < 0)
            goto end;
        sent += (size_t)ret;
    }
    ret = (ssize_t)sent;
end:
    if (offset != NULL) {
        *offset += (off_t)sent;
        lseek(fd, saved, SEEK_SET);
    }
    gnutls_free(buf);
    return ret;
}
