package io.portico.netsuite.internal.auth;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Locale;

/** The JWS algorithms NetSuite accepts for M2M assertions that this client signs with. */
public enum JwsAlgorithm {

    /** RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt (RFC 7518 section 3.5). */
    PS256(List.of("RSA", "RSASSA-PSS")) {
        @Override
        byte[] signToJose(PrivateKey key, byte[] input) throws GeneralSecurityException {
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            signature.initSign(key);
            signature.update(input);
            return signature.sign();
        }
    },

    /** ECDSA on P-256 with SHA-256; JOSE wants R||S where Java produces DER (RFC 7518 section 3.4). */
    ES256(List.of("EC")) {
        @Override
        byte[] signToJose(PrivateKey key, byte[] input) throws GeneralSecurityException {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(input);
            return EcdsaSignatures.derToJose(signature.sign(), 32);
        }
    };

    private final List<String> keyAlgorithms;

    JwsAlgorithm(List<String> keyAlgorithms) {
        this.keyAlgorithms = keyAlgorithms;
    }

    /** The JCA key algorithms a PKCS#8 key for this JWS algorithm may be encoded as. */
    List<String> keyAlgorithms() {
        return keyAlgorithms;
    }

    abstract byte[] signToJose(PrivateKey key, byte[] input) throws GeneralSecurityException;

    /** Signs the JWS signing input and returns the signature in its JOSE form. */
    public byte[] sign(PrivateKey key, byte[] input) {
        try {
            return signToJose(key, input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the " + this + " assertion with a " + key.getAlgorithm()
                    + " key", e);
        }
    }

    /** Reads {@code PS256} or {@code ES256}, in any case. */
    public static JwsAlgorithm parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("algorithm '" + name + "' is not supported; use PS256 or ES256", e);
        }
    }
}
