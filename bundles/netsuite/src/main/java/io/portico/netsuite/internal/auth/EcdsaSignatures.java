package io.portico.netsuite.internal.auth;

/** Converts Java's DER-encoded ECDSA signatures to the fixed-length R||S form that JWS uses. */
final class EcdsaSignatures {

    private static final int SEQUENCE = 0x30;
    private static final int INTEGER = 0x02;

    private EcdsaSignatures() {
    }

    /**
     * @param der {@code SEQUENCE { INTEGER r, INTEGER s }}
     * @param componentLength bytes per component: 32 for P-256
     */
    static byte[] derToJose(byte[] der, int componentLength) {
        DerReader reader = new DerReader(der);
        reader.expectTag(SEQUENCE);
        int sequenceEnd = reader.readLength() + reader.position;
        byte[] jose = new byte[2 * componentLength];
        reader.readUnsignedInteger(jose, 0, componentLength);
        reader.readUnsignedInteger(jose, componentLength, componentLength);
        if (reader.position != sequenceEnd || sequenceEnd != der.length) {
            throw new IllegalArgumentException("trailing bytes in the ECDSA signature");
        }
        return jose;
    }

    private static final class DerReader {
        private final byte[] der;
        private int position;

        DerReader(byte[] der) {
            this.der = der;
        }

        void expectTag(int tag) {
            if (next() != tag) {
                throw new IllegalArgumentException("not a DER ECDSA signature");
            }
        }

        int readLength() {
            int first = next();
            if (first < 0x80) {
                return first;
            }
            int length = 0;
            for (int i = 0; i < (first & 0x7f); i++) {
                length = (length << 8) | next();
            }
            return length;
        }

        /** Copies an INTEGER into {@code target}, dropping the sign byte and left-padding with zeros. */
        void readUnsignedInteger(byte[] target, int offset, int componentLength) {
            expectTag(INTEGER);
            int length = readLength();
            int start = position;
            int end = start + length;
            while (start < end - 1 && der[start] == 0) {
                start++;
            }
            int significant = end - start;
            if (significant > componentLength) {
                throw new IllegalArgumentException("ECDSA component longer than " + componentLength + " bytes");
            }
            System.arraycopy(der, start, target, offset + componentLength - significant, significant);
            position = end;
        }

        private int next() {
            if (position >= der.length) {
                throw new IllegalArgumentException("truncated DER ECDSA signature");
            }
            return der[position++] & 0xff;
        }
    }
}
