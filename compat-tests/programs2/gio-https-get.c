/* gio-https-get: fetch one file over HTTPS with GIO's TLS (glib-networking,
 * whose Debian backend is GnuTLS), trusting only the CA file given.
 *
 * usage: gio-https-get HOST PORT PATH CAFILE [CLIENTCERT CLIENTKEY]
 * HOST is both where to connect and the server identity checked against the
 * certificate.  Writes the response body to stdout; on stderr one line
 * "tls: <protocol> <ciphersuite>" after the handshake.  Exit 0 on success,
 * 2 if the handshake fails (the GError message is printed), 1 otherwise.
 */
#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *proto_name(GTlsProtocolVersion v)
{
    switch (v) {
    case G_TLS_PROTOCOL_VERSION_TLS_1_0: return "TLS1.0";
    case G_TLS_PROTOCOL_VERSION_TLS_1_1: return "TLS1.1";
    case G_TLS_PROTOCOL_VERSION_TLS_1_2: return "TLS1.2";
    case G_TLS_PROTOCOL_VERSION_TLS_1_3: return "TLS1.3";
    default: return "unknown";
    }
}

int main(int argc, char **argv)
{
    GError *err = NULL;
    if (argc != 5 && argc != 7) {
        fprintf(stderr, "usage: %s HOST PORT PATH CAFILE [CERT KEY]\n", argv[0]);
        return 1;
    }
    const char *host = argv[1], *path = argv[3], *cafile = argv[4];
    guint16 port = (guint16)atoi(argv[2]);

    if (!g_tls_backend_supports_tls(g_tls_backend_get_default())) {
        fprintf(stderr, "no TLS backend (glib-networking missing?)\n");
        return 1;
    }
    GTlsDatabase *db = g_tls_file_database_new(cafile, &err);
    if (!db) {
        fprintf(stderr, "CA file: %s\n", err->message);
        return 1;
    }

    GSocketClient *client = g_socket_client_new();
    g_socket_client_set_timeout(client, 15);
    GSocketConnection *raw = g_socket_client_connect_to_host(client, host, port, NULL, &err);
    if (!raw) {
        fprintf(stderr, "connect: %s\n", err->message);
        return 1;
    }
    GSocketConnectable *id = g_network_address_new(host, port);
    GIOStream *tls = g_tls_client_connection_new(G_IO_STREAM(raw), id, &err);
    if (!tls) {
        fprintf(stderr, "tls: %s\n", err->message);
        return 1;
    }
    g_tls_connection_set_database(G_TLS_CONNECTION(tls), db);
    if (argc == 7) {
        GTlsCertificate *mine = g_tls_certificate_new_from_files(argv[5], argv[6], &err);
        if (!mine) {
            fprintf(stderr, "client certificate: %s\n", err->message);
            return 1;
        }
        g_tls_connection_set_certificate(G_TLS_CONNECTION(tls), mine);
        g_object_unref(mine);
    }
    if (!g_tls_connection_handshake(G_TLS_CONNECTION(tls), NULL, &err)) {
        fprintf(stderr, "handshake failed: %s\n", err->message);
        return 2;
    }
    gchar *suite = g_tls_connection_get_ciphersuite_name(G_TLS_CONNECTION(tls));
    fprintf(stderr, "tls: %s %s\n",
            proto_name(g_tls_connection_get_protocol_version(G_TLS_CONNECTION(tls))),
            suite ? suite : "?");
    g_free(suite);

    gchar *req = g_strdup_printf("GET /%s HTTP/1.0\r\nHost: %s\r\n\r\n", path, host);
    GOutputStream *out = g_io_stream_get_output_stream(tls);
    if (!g_output_stream_write_all(out, req, strlen(req), NULL, NULL, &err)) {
        fprintf(stderr, "write: %s\n", err->message);
        return 1;
    }
    g_free(req);

    /* Read to EOF (HTTP/1.0: the server closes). */
    GInputStream *in = g_io_stream_get_input_stream(tls);
    GByteArray *resp = g_byte_array_new();
    guint8 buf[16384];
    for (;;) {
        gssize n = g_input_stream_read(in, buf, sizeof buf, NULL, &err);
        if (n < 0) {
            /* A peer that closes without close_notify is reported as an
             * error after the data; HTTP/1.0 bodies end at EOF anyway. */
            fprintf(stderr, "read: %s\n", err->message);
            g_clear_error(&err);
            break;
        }
        if (n == 0)
            break;
        g_byte_array_append(resp, buf, (guint)n);
    }
    g_io_stream_close(tls, NULL, NULL);

    /* Body after the blank line; the status line must say 200. */
    const char *data = (const char *)resp->data;
    gsize len = resp->len, off = 0;
    for (gsize i = 0; i + 3 < len; i++)
        if (memcmp(data + i, "\r\n\r\n", 4) == 0) { off = i + 4; break; }
    if (off == 0 || len < 12 || memcmp(data + 9, "200", 3) != 0) {
        fprintf(stderr, "bad HTTP response (%u bytes)\n", resp->len);
        return 1;
    }
    fwrite(data + off, 1, len - off, stdout);
    g_byte_array_unref(resp);
    g_object_unref(tls);
    g_object_unref(raw);
    g_object_unref(id);
    g_object_unref(client);
    g_object_unref(db);
    return 0;
}
