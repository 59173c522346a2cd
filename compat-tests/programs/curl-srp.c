/* curl-srp: one HTTPS GET with libcurl's GnuTLS backend authenticating by
 * TLS-SRP (CURLOPT_TLSAUTH_*: libcurl allocates SRP client credentials and
 * adds +SRP to its priority string).
 *
 * usage: curl-srp URL USER PASSWORD OUTFILE
 * No certificate is involved (plain SRP), so peer verification is off, as
 * libcurl requires for SRP without certificates.  Prints curl's result and
 * the HTTP status; exit 0 iff the transfer got HTTP 200. */
#include <curl/curl.h>
#include <stdio.h>

static size_t to_file(char *p, size_t sz, size_t n, void *fp)
{
    return fwrite(p, sz, n, fp);
}

int main(int argc, char **argv)
{
    char err[CURL_ERROR_SIZE] = "";
    long code = 0;
    CURLcode rc;
    CURL *h;
    FILE *fp;

    if (argc != 5) {
        fprintf(stderr, "usage: %s URL USER PASSWORD OUTFILE\n", argv[0]);
        return 2;
    }
    if ((fp = fopen(argv[4], "wb")) == NULL) {
        perror(argv[4]);
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, argv[1]);
    curl_easy_setopt(h, CURLOPT_TLSAUTH_TYPE, "SRP");
    curl_easy_setopt(h, CURLOPT_TLSAUTH_USERNAME, argv[2]);
    curl_easy_setopt(h, CURLOPT_TLSAUTH_PASSWORD, argv[3]);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
    curl_easy_setopt(h, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
    curl_easy_setopt(h, CURLOPT_PROXY, "");
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 15L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, to_file);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, fp);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, err);
    rc = curl_easy_perform(h);
    fclose(fp);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    printf("curl %d (%s), HTTP %ld%s%s\n", (int)rc, curl_easy_strerror(rc), code, err[0] ? ": " : "", err);
    curl_easy_cleanup(h);
    curl_global_cleanup();
    return rc != CURLE_OK || code != 200;
}
