/* gio-tls-server: a line server on GIO's TLS server side (glib-networking,
 * GnuTLS backend) on 127.0.0.1.
 *
 * usage: gio-tls-server PORT CERT KEY CA
 * Requires a client certificate that verifies against CA (GTlsFileDatabase,
 * G_TLS_AUTHENTICATION_REQUIRED).  For each connection: handshake, read one
 * line, answer "subject=<client certificate subject>; issuer=<its issuer>;
 * echo=<line>\n", close.  Logs one line per connection on stdout.  Runs until
 * killed.
 */
#include <gio/gio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static GTlsCertificate *server_cert;
static GTlsDatabase *db;

/* glib-networking asks the server application about every client
 * certificate: accept exactly those its verification found no fault in. */
static gboolean on_accept(GTlsConnection *c, GTlsCertificate *peer, GTlsCertificateFlags errors, gpointer data)
{
    (void)c; (void)peer; (void)data;
    printf("client certificate errors 0x%x\n", (unsigned)errors);
    return errors == 0;
}

static void serve(GSocketConnection *conn)
{
    GError *err = NULL;
    GIOStream *tls = g_tls_server_connection_new(G_IO_STREAM(conn), server_cert, &err);
    if (!tls) {
        printf("server connection: %s\n", err->message);
        g_clear_error(&err);
        return;
    }
    g_object_set(tls, "authentication-mode", G_TLS_AUTHENTICATION_REQUIRED, NULL);
    g_tls_connection_set_database(G_TLS_CONNECTION(tls), db);
    g_signal_connect(tls, "accept-certificate", G_CALLBACK(on_accept), NULL);
    if (!g_tls_connection_handshake(G_TLS_CONNECTION(tls), NULL, &err)) {
        printf("handshake failed: %s\n", err->message);
        g_clear_error(&err);
        g_object_unref(tls);
        return;
    }
    GTlsCertificate *peer = g_tls_connection_get_peer_certificate(G_TLS_CONNECTION(tls));
    GTlsCertificateFlags errs = g_tls_connection_get_peer_certificate_errors(G_TLS_CONNECTION(tls));
    gchar *subject = peer ? g_tls_certificate_get_subject_name(peer) : NULL;
    gchar *issuer = peer ? g_tls_certificate_get_issuer_name(peer) : NULL;

    GDataInputStream *in = g_data_input_stream_new(g_io_stream_get_input_stream(tls));
    g_filter_input_stream_set_close_base_stream(G_FILTER_INPUT_STREAM(in), FALSE);
    gsize len = 0;
    gchar *line = g_data_input_stream_read_line(in, &len, NULL, &err);
    if (line) {
        g_strchomp(line);
        gchar *answer = g_strdup_printf("subject=%s; issuer=%s; echo=%s\n", subject ? subject : "(none)",
                                        issuer ? issuer : "(none)", line);
        g_output_stream_write_all(g_io_stream_get_output_stream(tls), answer, strlen(answer), NULL, NULL, NULL);
        printf("served peer-errors=0x%x %s", (unsigned)errs, answer);
        g_free(answer);
        g_free(line);
    } else {
        printf("read failed: %s\n", err ? err->message : "EOF");
        g_clear_error(&err);
    }
    fflush(stdout);
    g_io_stream_close(tls, NULL, NULL);
    g_object_unref(in);
    g_free(subject);
    g_free(issuer);
    g_object_unref(tls);
}

int main(int argc, char **argv)
{
    GError *err = NULL;
    if (argc != 5) {
        fprintf(stderr, "usage: %s PORT CERT KEY CA\n", argv[0]);
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    server_cert = g_tls_certificate_new_from_files(argv[2], argv[3], &err);
    if (!server_cert) {
        fprintf(stderr, "server certificate: %s\n", err->message);
        return 1;
    }
    db = g_tls_file_database_new(argv[4], &err);
    if (!db) {
        fprintf(stderr, "CA file: %s\n", err->message);
        return 1;
    }
    GSocketListener *l = g_socket_listener_new();
    GInetAddress *lo = g_inet_address_new_loopback(G_SOCKET_FAMILY_IPV4);
    GSocketAddress *sa = g_inet_socket_address_new(lo, (guint16)atoi(argv[1]));
    if (!g_socket_listener_add_address(l, sa, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL, NULL, &err)) {
        fprintf(stderr, "listen: %s\n", err->message);
        return 1;
    }
    printf("listening\n");
    for (;;) {
        GSocketConnection *c = g_socket_listener_accept(l, NULL, NULL, &err);
        if (!c) {
            fprintf(stderr, "accept: %s\n", err->message);
            g_clear_error(&err);
            continue;
        }
        serve(c);
        g_object_unref(c);
    }
}
