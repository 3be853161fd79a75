package io.portico.netsuite.internal.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads the PKCS#8 PEM private key that signs M2M assertions. */
public final class PemPrivateKeys {

    private static final String BEGIN = "-----BEGIN " + "PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PemPrivateKeys() {
    }

    /**
     * Accepts the PEM as written in a .cfg file too: on one line, or with {@code \n} escapes for line breaks.
     *
     * @throws IllegalArgumentException for anything but an unencrypted PKCS#8 key of the algorithm's type; the
     *                                  message never contains the key
     */
    public static PrivateKey parse(String pem, JwsAlgorithm algorithm) {
        String text = pem.replace("\\n", "\n").trim();
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("privateKey is not a PKCS#8 PEM key (" + BEGIN + "); "
                    + "convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("privateKey PEM body is not valid base64");
        }
        for (String keyAlgorithm : algorithm.keyAlgorithms()) {
            try {
                return KeyFactory.getInstance(keyAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException wrongKeyType) {
                // try the next encoding this JWS algorithm allows
            }
        }
        throw new IllegalArgumentException("privateKey is not a " + String.join(" or ", algorithm.keyAlgorithms())
                + " key, which " + algorithm + " needs");
    }
}
