/* Priorities under a system configuration file: "@KEYWORD[,FALLBACK]"
 * resolution, the [overrides] default string and the algorithms it
 * disables.  GnuTLS reads the file when the library loads, so the program
 * writes it and re-executes itself with GNUTLS_SYSTEM_PRIORITY_FILE set. */
#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char config[] =
    "# gnossl differential test\n"
    "[global]\n"
    "override-mode = blocklist\n"
    "\n"
    "[priorities]\n"
    "SYSTEM = NORMAL:-VERS-TLS1.0:-VERS-TLS1.1\n"
    "MYAPP = SECURE192:+VERS-TLS1.3\n"
    "   SPACED   =   PFS:-RSA   \n"
    "\n"
    "[overrides]\n"
    "default-priority-string = SECURE128:-VERS-DTLS-ALL\n"
    "tls-disabled-cipher = AES-128-CCM\n"
    "tls-disabled-mac = SHA1\n"
    "tls-disabled-group = GROUP-FFDHE8192\n"
    "tls-disabled-group = X448\n"
    "tls-disabled-kx = DHE-RSA\n"
    "disabled-version = TLS1.1\n";

static void print_list(const char *what, int n, const unsigned *l)
{
    printf("  %s(%d):", what, n);
    for (int i = 0; i < n; i++)
        printf(" %u", l[i]);
    printf("\n");
}

static void try(const char *s, unsigned flags)
{
    gnutls_priority_t p = NULL;
    const char *ep = NULL;
    const unsigned *l;
    int r = gnutls_priority_init2(&p, s, &ep, flags);
    printf("[%s]%s ret=%d", s ? s : "(null)", flags ? " +DEF_APPEND" : "", r);
    if (r < 0)
        printf(" err_pos=%ld", ep == NULL ? -1L : (s && ep >= s && ep <= s + strlen(s)) ? (long)(ep - s) : -2L);
    printf("\n");
    if (r != 0)
        return;
    int n;
    n = gnutls_priority_protocol_list(p, &l);
    print_list("protocols", n, l);
    n = gnutls_priority_cipher_list(p, &l);
    print_list("ciphers", n, l);
    n = gnutls_priority_mac_list(p, &l);
    print_list("macs", n, l);
    n = gnutls_priority_kx_list(p, &l);
    print_list("kx", n, l);
    n = gnutls_priority_group_list(p, &l);
    print_list("groups", n, l);
    n = gnutls_priority_sign_list(p, &l);
    print_list("sign", n, l);
    gnutls_priority_deinit(p);
}

int main(int argc, char **argv)
{
    (void)argc;
    if (getenv("GNUTLS_SYSTEM_PRIORITY_FILE") == NULL) {
        char path[] = "/tmp/gnossl-prio-config-XXXXXX";
        int fd = mkstemp(path);
        if (fd < 0 || write(fd, config, sizeof config - 1) != (ssize_t)(sizeof config - 1))
            return 2;
        close(fd);
        setenv("GNUTLS_SYSTEM_PRIORITY_FILE", path, 1);
        setenv("GNOSSL_DIFF_CONFIG_PATH", path, 1);
        /* Through readlink, not exec of /proc/self/exe itself: under
         * valgrind that link names the tool, readlink names the program. */
        char self[4096];
        ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
        if (n <= 0)
            return 3;
        self[n] = 0;
        execv(self, argv);
        return 3;
    }
    gnutls_global_init();
    try("@SYSTEM", 0);
    try("@MYAPP", 0);
    try("@SPACED", 0);
    try("@NOPE,MYAPP", 0);
    try("@NOPE,MYAPP:-VERS-TLS1.3:+FOO", 0);
    try("@NOPE,SYSTEM:%SERVER_PRECEDENCE", 0);
    try("@NOPE", 0);
    try("@NOPE:+VERS-TLS1.3", 0);
    try("@", 0);
    try("@system", 0);
    try(" @SYSTEM", 0);
    try(NULL, 0);
    try("NORMAL", 0);
    try("NONE:+VERS-TLS1.1:+VERS-TLS1.2:+AES-128-CCM:+AES-128-GCM:+AEAD:+SHA1:+DHE-RSA:+RSA:+SIGN-ALL", 0);
    try("NORMAL:+VERS-TLS1.1:+GROUP-X448:+DHE-RSA:+SHA1", 0);
    try("%COMPAT", GNUTLS_PRIORITY_INIT_DEF_APPEND);
    try("-VERS-TLS-ALL:+VERS-TLS1.2:+FOO", GNUTLS_PRIORITY_INIT_DEF_APPEND);
    gnutls_global_deinit();
    const char *path = getenv("GNOSSL_DIFF_CONFIG_PATH");
    if (path != NULL)
        unlink(path);
    return 0;
}
