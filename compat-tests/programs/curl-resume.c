/* curl-resume: HTTPS GETs with libcurl's GnuTLS backend, reusing TLS
 * sessions between connections.
 *
 * usage: curl-resume URL CAFILE easy|share 1.2|1.3 COUNT OUTPREFIX
 *   easy:  COUNT transfers on one easy handle (its own session cache);
 *   share: COUNT easy handles that share one CURLSH session cache.
 * Every transfer uses a new connection (FORBID_REUSE); body i goes to
 * OUTPREFIX.i.  Exit 0 iff every transfer got HTTP 200 through GnuTLS. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t to_file(char *p, size_t sz, size_t n, void *fp)
{
    return fwrite(p, sz, n, fp);
}

static int get(CURL *h, const char *url, const char *ca, long ver, const char *path)
{
    FILE *fp = fopen(path, "wb");
    char err[CURL_ERROR_SIZE] = "";
    long code = 0;
    CURLcode rc;

    if (!fp) {
        perror(path);
        return 1;
    }
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_CAINFO, ca);
    curl_easy_setopt(h, CURLOPT_CAPATH, NULL);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(h, CURLOPT_SSL_SESSIONID_CACHE, 1L);
    curl_easy_setopt(h, CURLOPT_SSLVERSION, ver);
    curl_easy_setopt(h, CURLOPT_FORBID_REUSE, 1L);
    curl_easy_setopt(h, CURLOPT_PROXY, "");
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 15L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, to_file);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, fp);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
    rc = curl_easy_perform(h);
    fclose(fp);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    printf("%s: curl %d (%s), HTTP %ld%s%s\n", path, (int)rc, curl_easy_strerror(rc), code,
           err[0] ? ": " : "", err);
    return rc != CURLE_OK || code != 200;
}

int main(int argc, char **argv)
{
    const curl_version_info_data *vi;
    CURLSH *sh = NULL;
    CURL *h = NULL;
    long ver;
    int i, n, fails = 0;
    char path[4096];

    if (argc != 7) {
        fprintf(stderr, "usage: %s URL CAFILE easy|share 1.2|1.3 COUNT OUTPREFIX\n", argv[0]);
        return 2;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return 1;
    vi = curl_version_info(CURLVERSION_NOW);
    printf("libcurl %s, TLS backend %s\n", vi->version, vi->ssl_version ? vi->ssl_version : "none");
    if (!vi->ssl_version || strncmp(vi->ssl_version, "GnuTLS", 6) != 0) {
        fprintf(stderr, "not libcurl's GnuTLS flavour\n");
        return 1;
    }
    ver = strcmp(argv[4], "1.3") == 0 ? (CURL_SSLVERSION_TLSv1_3 | CURL_SSLVERSION_MAX_TLSv1_3)
                                      : (CURL_SSLVERSION_TLSv1_2 | CURL_SSLVERSION_MAX_TLSv1_2);
    n = atoi(argv[5]);
    if (strcmp(argv[3], "share") == 0) {
        sh = curl_share_init();
        if (!sh || curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION) != CURLSHE_OK)
            return 1;
    } else {
        h = curl_easy_init();
    }
    for (i = 1; i <= n; i++) {
        snprintf(path, sizeof path, "%s.%d", argv[6], i);
        if (sh) {
            CURL *e = curl_easy_init();
            if (!e)
                return 1;
            curl_easy_setopt(e, CURLOPT_SHARE, sh);
            fails += get(e, argv[1], argv[2], ver, path);
            curl_easy_cleanup(e);
        } else {
            if (!h)
                return 1;
            fails += get(h, argv[1], argv[2], ver, path);
        }
    }
    if (h)
        curl_easy_cleanup(h);
    if (sh)
        curl_share_cleanup(sh);
    curl_global_cleanup();
    return fails ? 1 : 0;
}
