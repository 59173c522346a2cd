/* The fixed RSA-2048 key the x509-*-write differential programs sign with:
 * PKCS#1 v1.5 signatures are deterministic, so what both libraries build
 * with it must match byte for byte. */
#ifndef GNOSSL_DIFF_SIGN_KEY_H
#define GNOSSL_DIFF_SIGN_KEY_H

static const char key_pem[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCt1garekN+UddO\n"
    "Cndn72V30ciIdRyZ939vZGuc2029LapMB9mnlJgpdZeocdzKWg0pSKIKLRLqAWLO\n"
    "wn0Ub81aWDk+hzOquyNmONzoEuPzXRPVmA+SHw7Ybn4R/fu1QYNOOgBQyguwJuvj\n"
    "zHNnAvLgcxAVIHsjakmnc3I9VUVm6rCPMezJXHL7fTYg+YortbUHQcZRLmuDuyWh\n"
    "yL3LUayK4k5aMCg/iHguKviVcZ7gZJBDo1bPfi+Ha2jtGjBeMy2cmyGb9a7Q0/wu\n"
    "2flOlZyYR6KCfuoToUebdbKxp4+NH3G5R+ReoG9RDKCZ2L8RwmB1Qk4WrGxu+egF\n"
    "/3r5mQ+XAgMBAAECggEABZ2FR6LCbWEtaEr0Qno8N9uh8658xwh0qF+BDmcTIspH\n"
    "1v7l7ADjzWsMBBfxfuPbyvqaqWN9WevDilREABYAdyukZb2uUJSM9y9dC24YyPK3\n"
    "wk2QKzMvopQnJGOk7tz35d3/xpxQNld7hTdEfw5cVB3DZjtPXvx+9pbHGO4ZONLM\n"
    "UgNvd7HH6sJOGa2VTFbk4KO5v+XqNqIId5YVfXuIQWECwaINUd8xIPLqDY3dmoQR\n"
    "mGUJfLsFk74rjjM9zvIinF2x0Bm1gstI3HU47MCVGMObGqsCjB6VVVx9KPlZrGcu\n"
    "pvrZXewFx2Cm8NX2uzSOmhI7eO/4aor81INbWAJXWQKBgQDVguKP9zaiE83aps6J\n"
    "S5YA67Wymou9NQZ4OvQkehZHfrgN+jXRSNMTzIbtZZzVs4Kf11EihvVVvIK+UXHr\n"
    "YKOYyiglJEPZii1pniybVnjnj46nNM5wydsm5X/mIgIfivwVgez4xXg/7JRYxziy\n"
    "34BpToVV+9NhZgwTgjzW0/ZKIwKBgQDQbe07ytyz8D5t+xz6mMEdAbeQMQ2Q2zEZ\n"
    "EluK+sRvdTeoagmz9wJr+5L+MO3rWegXyfZQm6uE7l7lVU2S9wmmLL5sG115T76t\n"
    "rwT99QcUZxSozIbZaJgfBkbBny8YARE285N4vxShnnZOqBIiED4ef0ajULoqDP3e\n"
    "P8cDB5A5/QKBgCN8GUNsBrxxJilMx86xrUCB7DS+0rKjeWvKAIF/eOxw9w37o64g\n"
    "uFP2DgaueJ5bsz31fxqJ64RQTDptNs2zxfzCvGFP4abp/Botm6RFftqdVUwczqKY\n"
    "KcARLGyHAmtTognBCi1eRFn7a7xFf/ragnD+B9L+g2cQmrkzUAE0QR6ZAoGAXttI\n"
    "dkfSvcl+gAsimyHd8VeQtPy+EcjPxXtHUi7iK1+LXwgzNkYaQg6STUDzZoLaT8lI\n"
    "YlMWcj8RzQlPbq0jJQ+D8itaFRWnz9+xQ+q5uB1Zl6DNVjB12ti+ZuwNQL1rmjis\n"
    "Su2bdBpr+UwgRIRj4PlHqpfYwb574yPfbI+KofkCgYEAk7vRlwuu9ra5yj2h9Efj\n"
    "jVqU1LjCMZu0xzuJdSVB35PCQV8HZDJGg/3t80k5EZqaNkZnWAHvmf/hs87BZPSJ\n"
    "r6DRCbn3H36bbbcagk2JJdGbrUx/SH8VPBXIeO2Vp8FO2xJx1w1mizDoalJ1vcpj\n"
    "m4qSgFw7+v/GD8uVg+PqqHg=\n"
    "-----END PRIVATE KEY-----\n"
    ;

#endif
