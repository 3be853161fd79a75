package io.portico.core.internal;

import io.portico.api.secrets.SecretBox;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256-GCM under a key that lives outside the database: the {@code PORTICO_SECRET_KEY} environment variable
 * (base64, shared by every node of a cluster) or else a key file, created with owner-only permissions on first use.
 */
@Component(service = SecretBox.class, configurationPid = "io.portico.secrets")
@Designate(ocd = SecretBoxImpl.Config.class)
public class SecretBoxImpl implements SecretBox {

    @ObjectClassDefinition(name = "Portico secrets", description = "Where the key that encrypts secrets at rest lives")
    public @interface Config {
        @AttributeDefinition(description = "Key file, used when PORTICO_SECRET_KEY is not set; relative to karaf.etc")
        String keyFile() default "portico-secret.key";
    }

    private static final Logger LOG = LoggerFactory.getLogger(SecretBoxImpl.class);
    private static final String ENV_KEY = "PORTICO_SECRET_KEY";
    private static final byte FORMAT_V1 = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public SecretBoxImpl(Config config) throws IOException {
        this(loadKey(config));
    }

    SecretBoxImpl(SecretKey key) {
        this.key = key;
    }

    @Override
    public String seal(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT_V1).put(iv).put(sealed);
            return "ENC(" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array()) + ")";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String reveal(String configuredValue) {
        if (!SecretBox.isSealed(configuredValue)) {
            return configuredValue;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(configuredValue.substring(4, configuredValue.length() - 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Sealed secret is not valid base64");
        }
        if (raw.length < 1 + IV_BYTES + TAG_BITS / 8 || raw[0] != FORMAT_V1) {
            throw new IllegalArgumentException("Sealed secret has an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 1, IV_BYTES));
            byte[] plain = cipher.doFinal(raw, 1 + IV_BYTES, raw.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "Sealed secret cannot be decrypted: it was altered or sealed under another key");
        }
    }

    private static SecretKey loadKey(Config config) throws IOException {
        String fromEnv = System.getenv(ENV_KEY);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return aesKey(Base64.getDecoder().decode(fromEnv.trim()), ENV_KEY);
        }
        Path file = Path.of(System.getProperty("karaf.etc", ".")).resolve(config.keyFile());
        if (Files.exists(file)) {
            return aesKey(Base64.getDecoder().decode(Files.readString(file).trim()), file.toString());
        }
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey key = generator.generateKey();
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(key.getEncoded()) + "\n");
            LOG.info("Created a new secret key in {}; every node of a cluster needs the same key", file);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    private static SecretKey aesKey(byte[] bytes, String source) {
        if (bytes.length != 32) {
            throw new IllegalStateException("The secret key in " + source + " must be 32 bytes (base64), not "
                    + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
